using AiSales.AiAgent.Agent.Offline.Understanding;

namespace AiSales.UnitTests.Agent.Understanding;

/// <summary>Properties every lexicon entry and every message must keep, checked over the whole vocabulary.</summary>
public sealed class LexiconPropertyTests
{
    private static readonly string[] s_samples =
    [
        "", " ", "؟", "!!!", "👍", "123", "٠٥٠", "ابغى", "how much", "3ndkom", "x", "ال", "و", "a", "\n\n", "اسمي", "العنوان:", "رقمي", "no", "رقم",
        "the", "؟؟؟ ابغى ؟؟؟", "🙏🏻🙏🏻", "ﷺ", "ﻻ", "٪", "#", "+", "+966", "اسمي\n", "my name is", "الاسم:",
    ];

    public static TheoryData<string> Samples => new(s_samples);

    [Theory]
    [MemberData(nameof(Samples))]
    public void NeverThrowsAndAlwaysFillsTheCollections(string text)
    {
        foreach (var awaiting in Enum.GetValues<Awaiting>())
        {
            var reading = Read.Message(text, awaiting, 3, "شكوى");
            Assert.NotNull(reading.Acts);
            Assert.NotNull(reading.Colours);
            Assert.NotNull(reading.Sizes);
            Assert.NotNull(reading.ProductQuery);
            Assert.DoesNotContain("  ", reading.ProductQuery);
        }
    }

    [Fact]
    public void EveryColourFormReadsBackAsItsColour()
    {
        foreach (var key in Colours.Keys)
        {
            foreach (var form in Colours.SurfaceForms(key).Where(f => !f.Contains(' ')))
            {
                Assert.Equal(key, Colours.Key(form));
            }
        }
    }

    [Fact]
    public void FoldingIsIdempotent()
    {
        foreach (var text in s_samples.Concat(["شكراااا أبغى ٢ حبة", "Thanksss!! I'll take 3", "مَرْحَبًا بِكُمْ"]))
        {
            var once = TextFolding.Fold(text);
            Assert.Equal(once, TextFolding.Fold(once));
        }
    }

    [Fact]
    public void ReadsALongMessageQuickly()
    {
        var text = string.Join("، ", Enumerable.Repeat("السلام عليكم ابغى ٢ شنطة سودا مقاس L وكم التوصيل للرياض اسمي نورة\nرقمي 0501234567", 40));
        Reading? reading = null;
        var work = ThreadCpuTime.Of(() => reading = Read.Message(text, Awaiting.Name));
        Assert.True(work < TimeSpan.FromSeconds(2), $"a {text.Length}-character message took {work} of processor time");
        Assert.Equal("0501234567", reading!.Phone);
    }

    [Fact]
    public void MissingHandoffKeywordsAreNoKeywords() =>
        Assert.True(MessageReader.Read("ابغى عطر", new ReadingHints(Awaiting.Nothing, 0, null!)).Has(Act.Buy));

    [Fact]
    public void ReadsAThousandMessagesQuickly()
    {
        var messages = new[] { "السلام عليكم، ابغى ٢ من الشنطة السودا مقاس L لو سمحت", "how much would two pairs be?", "3ndkom shanta sooda?",
            "اسمي نورة\nالعنوان الرياض حي النرجس\nجوالي 0501234567", "بدل ما هي وحدة خليها ثنتين" };
        var work = ThreadCpuTime.Of(() =>
        {
            for (var i = 0; i < 1_000; i++)
            {
                Read.Message(messages[i % messages.Length]);
            }
        });

        // About 0.3 ms a message; the bound catches a reader gone quadratic, not a slow machine (processor time).
        Assert.True(work < TimeSpan.FromSeconds(5), $"1,000 readings took {work} of processor time");
    }
}
