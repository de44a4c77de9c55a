using AiSales.AiAgent.Agent.Offline.Understanding;
using AiSales.AiAgent.Agent.Plugins;

namespace AiSales.AiAgent.Agent.Offline.Phrases;

/// <summary>The offline model's Arabic sentences (a plain, friendly Arabic every dialect reads).</summary>
public sealed class ArabicPhrasebook : Phrasebook
{
    public static readonly ArabicPhrasebook Instance = new();

    public override string Greeting(string assistantName) => $"أهلًا وسهلًا! أنا {assistantName}. كيف أقدر أساعدك اليوم؟";

    public override string Help() => "كيف أقدر أساعدك؟ اسألني عن سعر أي منتج أو توفره، أو قل لي وش تحب تطلب.";

    public override string NotFound() => "عذرًا، ما لقيت هذا المنتج في الكتالوج. ممكن توضح اسم المنتج؟";

    public override string NotInColour() => "للأسف، ما عندنا منه بهذا اللون حاليًا.";

    public override string NotInSize() => "للأسف، ما عندنا منه بهذا المقاس حاليًا.";

    public override string WhichProduct() => "أكيد! أي منتج تقصد؟";

    public override string PickOne() => "أي واحد تختار؟ (اكتب رقمه أو اسمه)";

    protected override string ListIntro(bool toBuy) => toBuy ? "عندنا أكثر من خيار:" : "هذا ما وجدته:";

    protected override string InStock(int stock) => stock <= 5 ? $"متوفر (باقي {stock} فقط)" : "متوفر";

    protected override string OutOfStock => "غير متوفر حاليًا";

    public override string Price(ProductFact product, int? quantity)
    {
        var each = $"{product.Name}: {Money(product.Price, product.Currency)}";
        var total = quantity is > 1 ? $" للحبة، يعني {quantity} بـ {Money(product.Price * quantity.Value, product.Currency)}" : "";
        var stock = product.Stock > 0 ? InStock(product.Stock) : OutOfStock;
        return product.Stock > 0 ? $"{each}{total} ({stock}). تحب تطلبه؟" : $"{each}{total} ({stock}).";
    }

    public override string Describe(ProductFact product, ProductAttribute? attribute, string? passage) =>
        string.IsNullOrWhiteSpace(passage ?? product.Description)
            ? $"ما عندي هذي المعلومة عن {product.Name}. أحد موظفينا يقدر يأكدها لك."
            : $"{product.Name}: {passage ?? product.Description}{(product.Stock > 0 ? "" : " (غير متوفر حاليًا)")}";

    public override string NoOtherColour(ProductFact product, string? colourName) =>
        $"للأسف، {product.Name} متوفر بهذا اللون فقط حاليًا، ما عندنا لون ثاني.";

    public override string Others(IReadOnlyList<ProductFact> products) => List(products, toBuy: false);

    public override string Added(OrderLine line) => $"تمت إضافة {line.Quantity} × {line.Name} إلى طلبك.";

    public override string QuantityChanged(OrderLine line) => $"تم: {line.Quantity} × {line.Name}.";

    public override string Removed(string name) => $"تمت إزالة {name} من طلبك.";

    public override string Replaced(string oldName, OrderLine line) => $"تم التبديل: {line.Quantity} × {line.Name} بدل {oldName}.";

    public override string CartReceived() => "شكرًا على سلتك!";

    public override string CartPriceChanged(OrderLine line, string? currency, decimal shownPrice, string? shownCurrency) =>
        $"سعر {line.Name} الآن {Money(line.UnitPrice, currency)} (السلة كانت تعرض {Money(shownPrice, shownCurrency ?? currency)}).";

    public override string CartUnknown(IReadOnlyList<string> skus) => skus.Count == 1
        ? $"عذرًا، المنتج {skus[0]} غير موجود في الكتالوج، فما أضفته للطلب."
        : $"عذرًا، المنتجات {string.Join("، ", skus)} غير موجودة في الكتالوج، فما أضفتها للطلب.";

    public override string EmptyOrder() => "طلبك فاضي الحين. وش تحب تطلب؟";

    public override string OrderLines(OrderView order) =>
        $"طلبك: {string.Join("، ", order.Items.Select(i => $"{i.Quantity} × {i.Name} ({Money(i.UnitPrice, order.Currency)})"))}. الإجمالي: {Money(order.Total, order.Currency)}.";

    public override string AskName() => "ممكن اسمك للطلب؟";

    public override string AskAddress() => "وش عنوان التوصيل؟";

    public override string AskPhone() => "وش رقم جوالك للتواصل؟";

    protected override string Summary(OrderView order, bool phoneNeeded) =>
        $"الاسم: {order.CustomerName}. العنوان: {order.ShippingAddress}.{(phoneNeeded ? $" الجوال: {order.Phone}." : "")} أأكد الطلب؟ (نعم/لا)";

    public override string Problem(OrderView order) => order.ProblemCode switch
    {
        "out_of_stock" => $"عذرًا، {order.ProblemProduct} غير متوفر حاليًا.",
        "not_enough_stock" => $"عذرًا، باقي {order.Available} فقط من {order.ProblemProduct}.",
        "other_currency" => $"عذرًا، {order.ProblemProduct} سعره بعملة ثانية، ويحتاج طلب منفصل.",
        "too_many" => "هذي الكمية أكبر من اللي يقدر يحمله طلب واحد.",
        "not_found" => "عذرًا، ما لقيت هذا المنتج.",
        "no_draft" => "ما عندك طلب مفتوح للحين.",
        _ => "عذرًا، ما قدرت أعدّل الطلب.",
    };

    public override string Confirmed(OrderView order) =>
        $"تم تأكيد طلبك رقم {order.Number}. الإجمالي: {Money(order.Total, order.Currency)}. شكرًا لك!";

    public override string Cancelled(OrderView order) => $"تم إلغاء طلبك رقم {order.Number}.";

    public override string NothingToCancel() => "ما عندك طلب نلغيه.";

    public override string NoOrder() => "ما عندك طلب للحين. وش تحب تطلب؟";

    public override string ConfirmedEarlier(OrderView order) =>
        $"طلبك رقم {order.Number} مؤكد: {string.Join("، ", order.Items.Select(i => $"{i.Quantity} × {i.Name}"))}. الإجمالي: {Money(order.Total, order.Currency)}.";

    public override string WhatToChange() => "ولا يهمك. وش تحب تغيّر؟";

    public override string Courtesy(bool goodbye) => goodbye ? "شكرًا لك! في أمان الله." : "العفو! في الخدمة دائمًا.";

    public override string StoreUnknown() => "سؤال في محله — راح أتأكد من الفريق، وأحد موظفينا يأكد لك قريبًا.";

    public override string Handoff() => "أكيد، حوّلت محادثتك لأحد موظفينا، وراح يرد عليك شخص قريبًا.";
}
