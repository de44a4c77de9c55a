using FluentMigrator;

namespace AiSales.MigrationService.Migrations;

/// <summary>
/// The console's ASP.NET Core Data Protection key ring (the XML elements its IXmlRepository stores), so that every
/// replica reads the same keys and auth cookies survive restarts and deploys. Redis is optional in this product.
/// </summary>
[Migration(202611301301, "Create the data protection key ring")]
public sealed class CreateDataProtectionKeys : Migration
{
    public override void Up()
    {
        Execute.Sql("""
            CREATE TABLE data_protection_keys (
                id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                application text NOT NULL,
                name        text NOT NULL,
                xml         text NOT NULL,
                created_at  timestamptz NOT NULL DEFAULT now(),
                UNIQUE (application, name)
            );
            """);
    }

    public override void Down()
    {
        Execute.Sql("DROP TABLE data_protection_keys;");
    }
}
