using Reconciler.State.Postgres;

namespace Reconciler.State.Tests.Postgres;

public sealed class PostgresConnectionSpecTests
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    [Theory]
    [InlineData("postgres://u@h/db", true)]
    [InlineData("postgresql://h:5433/db?sslmode=require", true)]
    [InlineData("Host=db;Database=reconciler", true)]
    [InlineData("Database=reconciler; host = db", true)]
    [InlineData(".reconciler/state.db", false)]
    [InlineData("/var/lib/reconciler/Hosts=1.db", false)]
    [InlineData("sqlite:/tmp/state.db", false)]
    public void IsPostgres_RecognisesUrlsAndKeywordStrings(string spec, bool expected) =>
        Assert.Equal(expected, PostgresConnectionSpec.IsPostgres(spec));

    [Fact]
    public void Parse_Url_MapsEveryPartAndLibpqParameters()
    {
        var spec = PostgresConnectionSpec.Parse("postgres://recon%40ops@db.internal:6432/state?sslmode=verify-full&search_path=team_a&application_name=rec-1&connect_timeout=7", NoEnvironment);

        var builder = spec.Builder();
        Assert.Equal("db.internal", builder.Host);
        Assert.Equal(6432, builder.Port);
        Assert.Equal("recon@ops", builder.Username);
        Assert.Equal("state", builder.Database);
        Assert.Equal(Npgsql.SslMode.VerifyFull, builder.SslMode);
        Assert.Equal("team_a", builder.SearchPath);
        Assert.Equal("rec-1", builder.ApplicationName);
        Assert.Equal(7, builder.Timeout);
        Assert.Equal("postgres://recon%40ops@db.internal:6432/state?search_path=team_a", spec.Display);
    }

    [Fact]
    public void Parse_KeywordString_DefaultsTheApplicationName()
    {
        var spec = PostgresConnectionSpec.Parse("Host=db;Database=state;Username=recon", NoEnvironment);

        Assert.Equal(PostgresConnectionSpec.DefaultApplicationName, spec.Builder().ApplicationName);
        Assert.Equal("postgres://recon@db:5432/state", spec.Display);
    }

    [Theory]
    [InlineData("postgres://recon:s3cret-Passw0rd@db/state")]
    [InlineData("postgres://recon@db/state?password=s3cret-Passw0rd")]
    [InlineData("Host=db;Database=state;Username=recon;Password=s3cret-Passw0rd")]
    public void Parse_PasswordInTheSpec_IsRefusedWithoutRepeatingIt(string text)
    {
        var error = Assert.Throws<FormatException>(() => PostgresConnectionSpec.Parse(text, NoEnvironment));

        Assert.Contains("RECONCILER_STATE_PASSWORD", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_PasswordFromTheEnvironment_IsUsedButNeverShown()
    {
        var spec = PostgresConnectionSpec.Parse("postgres://recon@db/state", name => name == PostgresConnectionSpec.PasswordVariable ? "env-s3cret" : null);

        Assert.Equal("env-s3cret", spec.Builder().Password);
        Assert.DoesNotContain("s3cret", spec.Display, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", spec.ToString(), StringComparison.Ordinal);
        Assert.Equal("server said [redacted]", spec.Redactor.Redact("server said env-s3cret"));
    }

    [Fact]
    public void Parse_PasswordFile_IsReadWithoutItsTrailingNewline_AndBeatsPgPassword()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "file-s3cret\n");
            var environment = new Dictionary<string, string> { [PostgresConnectionSpec.PasswordFileVariable] = file, ["PGPASSWORD"] = "pg-s3cret" };

            var spec = PostgresConnectionSpec.Parse("postgres://recon@db/state", name => environment.GetValueOrDefault(name));

            Assert.Equal("file-s3cret", spec.Builder().Password);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Parse_PgPassword_IsTheLastResort()
    {
        var spec = PostgresConnectionSpec.Parse("Host=db;Database=state", name => name == "PGPASSWORD" ? "pg-s3cret" : null);

        Assert.Equal("pg-s3cret", spec.Builder().Password);
    }

    [Theory]
    [InlineData("postgres://db/state?no_such_parameter=1", "no_such_parameter")]
    [InlineData("Host=db;Nonsense=1", "nonsense")]
    [InlineData("postgres:///state", "no host")]
    public void Parse_UnreadableSpec_SaysWhat(string text, string expected)
    {
        var error = Assert.Throws<FormatException>(() => PostgresConnectionSpec.Parse(text, NoEnvironment));

        Assert.Contains(expected, error.Message, StringComparison.OrdinalIgnoreCase);
    }
}
