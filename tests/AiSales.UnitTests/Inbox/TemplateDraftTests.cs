using AiSales.Web.Inbox;

namespace AiSales.UnitTests.Inbox;

/// <summary>
/// The template a person fills in the inbox (docs/console.md "Inbox"): approved ones only, as many parameters as the
/// body takes when the API gives it, added by hand when it does not, and a preview of what the customer reads.
/// </summary>
public sealed class TemplateDraftTests
{
    private static readonly MessageTemplate OrderUpdate = new("order_update", "en", "APPROVED", "UTILITY", "Hi {{1}}, your order {{2}} is on its way", 2);
    private static readonly MessageTemplate WelcomeBack = new("welcome_back", "ar", "APPROVED", "MARKETING", "أهلًا {{1}}!", 1);
    private static readonly MessageTemplate NoBody = new("legacy_notice", "en", "APPROVED", null, null, 0);

    [Fact]
    public void OnlyApprovedTemplatesAreOfferedByNameThenLanguage()
    {
        var listed = new[]
        {
            WelcomeBack, OrderUpdate with { Language = "ar" }, OrderUpdate, new("eid_sale", "ar", "PENDING", "MARKETING", "عيدكم مبارك", 0),
            new("old_offer", "en", "REJECTED", "MARKETING", "x", 0),
        };

        var approved = TemplateDraft.Approved(listed);

        Assert.Equal(["order_update/ar", "order_update/en", "welcome_back/ar"], approved.Select(t => $"{t.Name}/{t.Language}"));
    }

    [Fact]
    public void ATemplateWithABodyTakesExactlyItsParametersAndTypedValuesKeepTheirPlaces()
    {
        var draft = new TemplateDraft();

        draft.Choose(OrderUpdate);
        draft.Set(0, "Noura");
        draft.Set(1, "A-1024");
        draft.Add();
        Assert.Equal(["Noura", "A-1024"], draft.Values);

        draft.Choose(WelcomeBack);
        Assert.Equal(["Noura"], draft.Values);
        draft.Choose(OrderUpdate);
        Assert.Equal(["Noura", ""], draft.Values);
        draft.RemoveLast();
        Assert.Equal(2, draft.Values.Count);
    }

    [Fact]
    public void ThePreviewFillsWhatIsTypedAndShowsThePlaceholdersStillEmpty()
    {
        var draft = new TemplateDraft();
        Assert.Null(draft.Preview);

        draft.Choose(OrderUpdate);
        draft.Set(0, "  Noura ");

        Assert.Equal("Hi Noura, your order {{2}} is on its way", draft.Preview);
    }

    [Fact]
    public void WithoutABodyThePersonAddsAndRemovesParametersUpToTheApisLimit()
    {
        var draft = new TemplateDraft();
        draft.Choose(NoBody);
        Assert.Empty(draft.Values);
        Assert.Null(draft.Preview);

        for (var i = 0; i < TemplateDraft.MaxParameters + 3; i++)
        {
            draft.Add();
        }

        Assert.Equal(TemplateDraft.MaxParameters, draft.Values.Count);
        Assert.False(draft.CanAdd);
        draft.RemoveLast();
        Assert.Equal(TemplateDraft.MaxParameters - 1, draft.Values.Count);
    }

    [Fact]
    public void ItIsCompleteOnlyWithATemplateAndEveryParameterFilledAndSendsThemTrimmed()
    {
        var draft = new TemplateDraft();
        Assert.False(draft.Complete);

        draft.Choose(OrderUpdate);
        draft.Set(0, " Noura ");
        draft.Set(1, "   ");
        Assert.False(draft.Complete);

        draft.Set(1, "A-1024\n");
        Assert.True(draft.Complete);
        Assert.Equal(["Noura", "A-1024"], draft.Parameters());
        draft.Choose(NoBody);
        Assert.True(draft.Complete);
    }
}
