using Npgsql;
using static AiSales.Tests.Webhooks.WebhookTestClient;
using static AiSales.Tests.Webhooks.WebhookTestData;

namespace AiSales.Tests.Webhooks;

/// <summary>A fresh merchant with a WhatsApp number and a customer number for each test, through the AppHost fixture.</summary>
public abstract class WhatsAppMerchantTest(AppHostFixture fixture) : IAsyncLifetime
{
    protected NpgsqlDataSource _db = null!;
    protected HttpClient _api = null!;
    protected string _phoneNumberId = "";
    protected string _customer = "";
    protected Guid _merchantId;

    protected AppHostFixture AppHost { get; } = fixture;

    public async Task InitializeAsync()
    {
        _db = AppHost.CreateDataSource();
        _api = AppHost.CreateHttpClient("api");
        _phoneNumberId = NewNumericId();
        _customer = NewNumericId(11);
        _merchantId = await CreateMerchantWithChannelAsync(_db, "whatsapp", _phoneNumberId);
    }

    public async Task DisposeAsync()
    {
        _api.Dispose();
        await _db.DisposeAsync();
    }

    protected Dictionary<string, string> Ids(params (string From, string To)[] more) => WhatsAppFixtureIds(_phoneNumberId, _customer, more);
}
