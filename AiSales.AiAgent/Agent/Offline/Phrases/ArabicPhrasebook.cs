using AiSales.AiAgent.Agent.Offline.Understanding;
using AiSales.AiAgent.Agent.Plugins;

namespace AiSales.AiAgent.Agent.Offline.Phrases;

/// <summary>
/// The offline model's Arabic sentences: plain Modern Standard–leaning Arabic that reads naturally to a customer of any dialect, and
/// gender-neutral — no second-person verb that is only masculine or only feminine («تحب/تحبين»): first-person verbs («أضيفه لك؟»),
/// nouns and questions about the thing («ما عنوان التوصيل؟»), and the unvowelled «ـك» every reader reads in their own gender.
/// </summary>
public sealed class ArabicPhrasebook : Phrasebook
{
    public static readonly ArabicPhrasebook Instance = new();

    public override string Greeting(string assistantName) => $"أهلًا وسهلًا! أنا {assistantName}. كيف يمكنني مساعدتك اليوم؟";

    public override string Help() => "يسعدني مساعدتك: سعر أي منتج أو توفره، أو تسجيل طلب.";

    public override string NotFound() => "عذرًا، لم أجد هذا المنتج في الكتالوج. هل يمكن توضيح اسم المنتج؟";

    public override string NotInColour() => "للأسف، لا يتوفر لدينا بهذا اللون حاليًا.";

    public override string NotInSize() => "للأسف، لا يتوفر لدينا بهذا المقاس حاليًا.";

    public override string WhichProduct() => "بكل سرور! ما المنتج المقصود؟";

    public override string PickOne() => "أيّها يناسبك؟ (يكفي رقمه أو اسمه)";

    protected override string ListIntro(bool toBuy) => toBuy ? "لدينا أكثر من خيار:" : "هذا ما وجدته:";

    protected override string InStock(int stock) => stock <= 5 ? $"متوفر (باقي {stock} فقط)" : "متوفر";

    protected override string OutOfStock => "غير متوفر حاليًا";

    public override string Price(ProductFact product, int? quantity)
    {
        var each = $"{product.Name}: {Money(product.Price, product.Currency)}";
        var total = quantity is > 1 ? $" للقطعة، أي {quantity} بـ {Money(product.Price * quantity.Value, product.Currency)}" : "";
        var stock = product.Stock > 0 ? InStock(product.Stock) : OutOfStock;
        return product.Stock > 0 ? $"{each}{total} ({stock}). هل أضيفه إلى طلبك؟" : $"{each}{total} ({stock}).";
    }

    public override string Describe(ProductFact product, ProductAttribute? attribute, string? passage) =>
        string.IsNullOrWhiteSpace(passage ?? product.Description)
            ? $"لا تتوفر لدي هذه المعلومة عن {product.Name}، وسيؤكدها لك أحد موظفينا."
            : $"{product.Name}: {passage ?? product.Description}{(product.Stock > 0 ? "" : " (غير متوفر حاليًا)")}";

    public override string NoOtherColour(ProductFact product, string? colourName) =>
        colourName is null
            ? $"للأسف، {product.Name} متوفر بهذا اللون فقط حاليًا، ولا يتوفر بلون آخر."
            : $"للأسف، {product.Name} متوفر بلون {colourName} فقط حاليًا، ولا يتوفر بلون آخر.";

    public override string Others(IReadOnlyList<ProductFact> products) => List(products, toBuy: false);

    public override string Added(OrderLine line) => $"تمت إضافة {line.Quantity} × {line.Name} إلى طلبك.";

    public override string QuantityChanged(OrderLine line) => $"تم: {line.Quantity} × {line.Name}.";

    public override string Removed(string name) => $"تمت إزالة {name} من طلبك.";

    public override string Replaced(string oldName, OrderLine line) => $"تم التبديل: {line.Quantity} × {line.Name} بدل {oldName}.";

    public override string CartReceived() => "شكرًا على سلتك!";

    public override string CartPriceChanged(OrderLine line, string? currency, decimal shownPrice, string? shownCurrency) =>
        $"سعر {line.Name} الآن {Money(line.UnitPrice, currency)} (السلة كانت تعرض {Money(shownPrice, shownCurrency ?? currency)}).";

    public override string CartUnknown(IReadOnlyList<string> skus) => skus.Count == 1
        ? $"عذرًا، المنتج {skus[0]} غير موجود في الكتالوج، لذا لم أضفه إلى الطلب."
        : $"عذرًا، المنتجات {string.Join("، ", skus)} غير موجودة في الكتالوج، لذا لم أضفها إلى الطلب.";

    public override string EmptyOrder() => "طلبك فارغ حاليًا. ما المنتج الذي أضيفه لك؟";

    public override string OrderLines(OrderView order) =>
        $"طلبك: {string.Join("، ", order.Items.Select(i => $"{i.Quantity} × {i.Name} ({Money(i.UnitPrice, order.Currency)})"))}. الإجمالي: {Money(order.Total, order.Currency)}.";

    public override string AskName() => "ما اسمك لتسجيل الطلب؟";

    public override string AskAddress() => "ما عنوان التوصيل؟";

    public override string AskPhone() => "ما رقم الجوال للتواصل؟";

    protected override string Summary(OrderView order, bool phoneNeeded) =>
        $"الاسم: {order.CustomerName}. العنوان: {order.ShippingAddress}.{(phoneNeeded ? $" الجوال: {order.Phone}." : "")} أأكد الطلب؟ (نعم/لا)";

    public override string Problem(OrderView order) => order.ProblemCode switch
    {
        "out_of_stock" => $"عذرًا، {order.ProblemProduct} غير متوفر حاليًا.",
        "not_enough_stock" => $"عذرًا، باقي {order.Available} فقط من {order.ProblemProduct}.",
        "other_currency" => $"عذرًا، {order.ProblemProduct} سعره بعملة أخرى، ويحتاج إلى طلب منفصل.",
        "too_many" => "هذه الكمية أكبر مما يتسع له طلب واحد.",
        "not_found" => "عذرًا، لم أجد هذا المنتج.",
        "no_draft" => "لا يوجد طلب مفتوح حاليًا.",
        _ => "عذرًا، تعذّر تعديل الطلب.",
    };

    public override string Confirmed(OrderView order) =>
        $"تم تأكيد طلبك رقم {order.Number}. الإجمالي: {Money(order.Total, order.Currency)}. شكرًا لك!";

    public override string Cancelled(OrderView order) => $"تم إلغاء طلبك رقم {order.Number}.";

    public override string NothingToCancel() => "لا يوجد طلب لإلغائه.";

    public override string NoOrder() => "لا يوجد طلب حتى الآن. ما المنتج الذي أضيفه لك؟";

    public override string ConfirmedEarlier(OrderView order) =>
        $"طلبك رقم {order.Number} مؤكد: {string.Join("، ", order.Items.Select(i => $"{i.Quantity} × {i.Name}"))}. الإجمالي: {Money(order.Total, order.Currency)}.";

    public override string WhatToChange() => "لا مشكلة. ما التعديل المطلوب؟";

    public override string Courtesy(bool goodbye) => goodbye ? "شكرًا لك! في أمان الله." : "العفو! في الخدمة دائمًا.";

    public override string StoreUnknown() => "سؤال في محله — سأتحقق منه مع الفريق، وسيؤكد لك أحد موظفينا قريبًا.";

    public override string Handoff() => "بكل تأكيد، حوّلت المحادثة إلى أحد موظفينا، وسيرد عليك شخص من الفريق قريبًا.";
}
