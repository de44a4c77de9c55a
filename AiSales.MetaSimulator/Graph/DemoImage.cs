using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace AiSales.MetaSimulator.Graph;

/// <summary>
/// The photo a simulated customer sends: a small PNG (a bag-coloured tile with a handle), drawn once at start-up so the
/// simulator ships no binary file. Real PNG bytes, so the platform's sniffing accepts it as an image.
/// </summary>
public static class DemoImage
{
    private const int Size = 96;

    public static byte[] Png { get; } = Draw();

    private static byte[] Draw()
    {
        var raw = new byte[Size * (1 + Size * 3)];
        for (var y = 0; y < Size; y++)
        {
            var row = y * (1 + Size * 3);
            raw[row] = 0; // filter: none
            for (var x = 0; x < Size; x++)
            {
                var handle = y is > 14 and < 34 && Math.Abs(Math.Sqrt((x - 48) * (x - 48) + (y - 34) * (y - 34)) - 16) < 3;
                var bag = y >= 34 && y < 86 && x >= 18 && x < 78;
                (byte r, byte g, byte b) = handle || bag ? ((byte)30, (byte)30, (byte)34) : ((byte)236, (byte)229, (byte)221);
                raw[row + 1 + x * 3] = r;
                raw[row + 2 + x * 3] = g;
                raw[row + 3 + x * 3] = b;
            }
        }

        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, Size);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), Size);
        header[8] = 8; // bit depth
        header[9] = 2; // colour type: RGB
        Chunk(png, "IHDR", header);
        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
            {
                zlib.Write(raw);
            }

            Chunk(png, "IDAT", compressed.ToArray());
        }

        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(length, Crc32(typed));
        png.Write(length);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }
}
