using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;

namespace AiSales.Web.Infrastructure;

/// <summary>
/// The Data Protection key ring in PostgreSQL (table data_protection_keys, created by the migrator). Redis is optional
/// in this product, so the ring lives with the source of truth. Data Protection calls this synchronously.
/// </summary>
public sealed class PostgresXmlRepository(NpgsqlDataSource db) : IXmlRepository
{
    public const string Application = "aisales-web";

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var command = db.CreateCommand("SELECT xml FROM data_protection_keys WHERE application = $1 ORDER BY id");
        command.Parameters.AddWithValue(Application);
        using var reader = command.ExecuteReader();
        var elements = new List<XElement>();
        while (reader.Read())
        {
            elements.Add(XElement.Parse(reader.GetString(0)));
        }

        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var command = db.CreateCommand("""
            INSERT INTO data_protection_keys (application, name, xml) VALUES ($1, $2, $3)
            ON CONFLICT (application, name) DO NOTHING
            """);
        command.Parameters.AddWithValue(Application);
        command.Parameters.AddWithValue(friendlyName);
        command.Parameters.AddWithValue(element.ToString(SaveOptions.DisableFormatting));
        command.ExecuteNonQuery();
    }
}
