using AiSales.Core.Media;

namespace AiSales.UnitTests.Media;

public sealed class MediaVerdictTests
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
    private static readonly byte[] WindowsProgram = [(byte)'M', (byte)'Z', 0x90, 0x00, 0x03, 0x00, 0x00, 0x00];
    private static readonly byte[] Elf = [0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0];

    [Theory]
    [InlineData("whatsapp", "image", 5L * 1024 * 1024)]
    [InlineData("whatsapp", "audio", 16L * 1024 * 1024)]
    [InlineData("whatsapp", "video", 16L * 1024 * 1024)]
    [InlineData("whatsapp", "document", 100L * 1024 * 1024)]
    [InlineData("whatsapp", "sticker", 500L * 1024)]
    [InlineData("instagram", "image", 8L * 1024 * 1024)]
    [InlineData("instagram", "video", 25L * 1024 * 1024)]
    public void EachPlatformTypeHasItsMetaLimit(string platform, string type, long limit) =>
        Assert.Equal(limit, MediaLimits.MaxBytes(platform, type));

    [Fact]
    public void AnImageAtItsLimitIsKeptAndOneByteMoreIsRefused()
    {
        var limit = MediaLimits.MaxBytes("whatsapp", "image")!.Value;

        Assert.True(MediaVerdict.Of("image", "whatsapp", limit, Jpeg, "image/jpeg").Accepted);
        var over = MediaVerdict.Of("image", "whatsapp", limit + 1, Jpeg, "image/jpeg");
        Assert.False(over.Accepted);
        Assert.Contains("Too large", over.Refusal);
    }

    [Theory]
    [InlineData("image")]
    [InlineData("document")]
    [InlineData("sticker")]
    [InlineData("video")]
    public void AWindowsProgramIsRefusedWhateverItClaimsToBe(string type)
    {
        var verdict = MediaVerdict.Of(type, "whatsapp", WindowsProgram.Length, WindowsProgram, "image/jpeg");

        Assert.False(verdict.Accepted);
        Assert.Contains("executable", verdict.Refusal);
    }

    [Fact]
    public void AnElfBinaryAndAShellScriptAreExecutables()
    {
        Assert.Equal(MediaSniffer.Executable, MediaSniffer.Sniff(Elf));
        Assert.Equal(MediaSniffer.Executable, MediaSniffer.Sniff("#!/bin/sh\nrm -rf /"u8));
    }

    [Fact]
    public void AnAmrVoiceNoteIsNotMistakenForAScript() =>
        Assert.Equal("audio/amr", MediaSniffer.Sniff("#!AMR\n\u0004"u8));

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xDB }, "image/jpeg")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, "image/png")]
    [InlineData(new byte[] { (byte)'R', (byte)'I', (byte)'F', (byte)'F', 0, 0, 0, 0, (byte)'W', (byte)'E', (byte)'B', (byte)'P' }, "image/webp")]
    [InlineData(new byte[] { (byte)'%', (byte)'P', (byte)'D', (byte)'F', (byte)'-', (byte)'1' }, "application/pdf")]
    [InlineData(new byte[] { (byte)'O', (byte)'g', (byte)'g', (byte)'S', 0 }, "audio/ogg")]
    [InlineData(new byte[] { 0, 0, 0, 0x18, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'m', (byte)'p', (byte)'4', (byte)'2' }, "video/mp4")]
    [InlineData(new byte[] { 0, 0, 0, 0x18, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'3', (byte)'g', (byte)'p', (byte)'4' }, "video/3gpp")]
    [InlineData(new byte[] { 0xFF, 0xF1, 0x50, 0x80 }, "audio/aac")]
    [InlineData(new byte[] { 0xFF, 0xFB, 0x90, 0x00 }, "audio/mpeg")]
    public void TheBytesNameTheType(byte[] head, string expected) => Assert.Equal(expected, MediaSniffer.Sniff(head));

    [Fact]
    public void APdfSentAsAnImageIsRefused()
    {
        var verdict = MediaVerdict.Of("image", "whatsapp", 100, "%PDF-1.7"u8, "image/jpeg");

        Assert.False(verdict.Accepted);
        Assert.Contains("application/pdf", verdict.Refusal);
    }

    [Fact]
    public void AWordDocumentKeepsItsDeclaredOfficeTypeOnlyWhenItIsAZip()
    {
        const string docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        Assert.Equal(docx, MediaVerdict.Of("document", "whatsapp", 10, [0x50, 0x4B, 0x03, 0x04, 0x14], docx).MimeType);
        Assert.Equal("application/zip", MediaVerdict.Of("document", "whatsapp", 10, [0x50, 0x4B, 0x03, 0x04, 0x14], "image/png").MimeType);
    }

    [Fact]
    public void PlainTextIsKeptOnlyWhenDeclaredAndClean()
    {
        Assert.True(MediaVerdict.Of("document", "whatsapp", 20, "مرحبا\nhello"u8, "text/plain").Accepted);
        Assert.False(MediaVerdict.Of("document", "whatsapp", 20, "hello"u8, "application/pdf").Accepted);
        Assert.False(MediaVerdict.Of("document", "whatsapp", 20, [0x68, 0x00, 0x01], "text/plain").Accepted);
    }

    [Fact]
    public void UnknownBytesAreRefused() =>
        Assert.False(MediaVerdict.Of("image", "whatsapp", 4, [1, 2, 3, 4], "image/jpeg").Accepted);

    [Fact]
    public void APngIsAnAllowedImage() =>
        Assert.Equal("image/png", MediaVerdict.Of("image", "instagram", Png.Length, Png, null).MimeType);
}
