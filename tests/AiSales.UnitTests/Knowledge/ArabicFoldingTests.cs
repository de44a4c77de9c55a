using AiSales.Core.Knowledge;

namespace AiSales.UnitTests.Knowledge;

public sealed class ArabicFoldingTests
{
    [Theory]
    [InlineData("أإآٱا", "ااااا")]
    [InlineData("مدرسة", "مدرسه")]
    [InlineData("مستشفى", "مستشفي")]
    [InlineData("سؤال مسئول", "سوال مسيول")]
    [InlineData("كَتَبَ", "كتب")]
    [InlineData("كـــتب", "كتب")]
    [InlineData("٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹", "0123456789 0123456789")]
    [InlineData("Delivery, FEES?!", "delivery fees")]
    [InlineData("كم؟ التوصيل،   للرياض", "كم التوصيل للرياض")]
    public void FoldsLikeTheDatabase(string input, string expected) => Assert.Equal(expected, ArabicFolding.Fold(input));

    [Theory]
    [InlineData("التوصيل", "توصيل")]
    [InlineData("بالكاش", "كاش")]
    [InlineData("للرياض", "رياض")]
    [InlineData("والشحن", "شحن")]
    [InlineData("فالدفع", "دفع")]
    [InlineData("الى", "الي")]
    [InlineData("ال", "ال")]
    [InlineData("delivery", "delivery")]
    public void StripsTheArticle(string input, string expected) => Assert.Equal(expected, ArabicFolding.Words(input).Single());
}
