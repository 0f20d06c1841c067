using Reconciler.TaskApi.Auth;

namespace Reconciler.TaskApi.Tests.Auth;

public sealed class EnvironmentTokenSourceTests : IDisposable
{
    private const string User = "5832d184-dd53-42a0-8ace-0bf8d660f4cc";
    private readonly TestDirectory _dir = new("tokens");
    private readonly Dictionary<string, string?> _env = [];

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void PerUserVariable_UpperCasesAndReplacesNonAlphanumerics() =>
        Assert.Equal("RECONCILER_API_TOKEN__5832D184_DD53_42A0_8ACE_0BF8D660F4CC", EnvironmentTokenSource.PerUserVariable(User));

    [Fact]
    public void GetToken_Nothing_ProblemNamesEveryVariable()
    {
        var lookup = Source().GetToken(User);

        Assert.Null(lookup.Token);
        Assert.Contains(EnvironmentTokenSource.PerUserVariable(User), lookup.Problem, StringComparison.Ordinal);
        Assert.Contains("RECONCILER_API_TOKEN ", lookup.Problem, StringComparison.Ordinal);
        Assert.Contains("RECONCILER_API_TOKEN_FILE", lookup.Problem, StringComparison.Ordinal);
        Assert.Contains("RECONCILER_API_TOKENS_FILE", lookup.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void GetToken_PerUserVariable_WinsOverEverythingElse()
    {
        _env[EnvironmentTokenSource.PerUserVariable(User)] = "per-user";
        _env[EnvironmentTokenSource.DefaultVariable] = "default";
        _env[EnvironmentTokenSource.TokensFileVariable] = Write("tokens", $"{User}=from-file");

        var lookup = Source().GetToken(User);

        Assert.Equal("per-user", lookup.Token!.Reveal());
        Assert.Equal(EnvironmentTokenSource.PerUserVariable(User), lookup.Source);
    }

    [Fact]
    public void GetToken_TokensFileListsTheUser_WinsOverTheDefault()
    {
        _env[EnvironmentTokenSource.DefaultVariable] = "default";
        _env[EnvironmentTokenSource.TokensFileVariable] = Write("tokens", $"# comment\n\nother=x\n  {User.ToUpperInvariant()} =  listed  \n");

        Assert.Equal("listed", Source().GetToken(User).Token!.Reveal());
    }

    [Fact]
    public void GetToken_TokensFileWithoutTheUser_FallsBackToTheDefault()
    {
        _env[EnvironmentTokenSource.DefaultVariable] = " default \n";
        _env[EnvironmentTokenSource.TokensFileVariable] = Write("tokens", "other=x\n");

        Assert.Equal("default", Source().GetToken(User).Token!.Reveal());
    }

    [Fact]
    public void GetToken_MalformedTokensFileLine_IsAProblemThatDoesNotQuoteTheLine()
    {
        _env[EnvironmentTokenSource.TokensFileVariable] = Write("tokens", "bare-secret-token\n");

        var lookup = Source().GetToken(User);

        Assert.Null(lookup.Token);
        Assert.Contains("line 1", lookup.Problem, StringComparison.Ordinal);
        Assert.DoesNotContain("bare-secret-token", lookup.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void GetToken_DefaultFile_IsTrimmed()
    {
        _env[EnvironmentTokenSource.DefaultFileVariable] = Write("token", "  from-default-file\n");

        var lookup = Source().GetToken(User);

        Assert.Equal("from-default-file", lookup.Token!.Reveal());
        Assert.Contains(EnvironmentTokenSource.DefaultFileVariable, lookup.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void GetToken_DefaultVariable_WinsOverTheDefaultFile()
    {
        _env[EnvironmentTokenSource.DefaultVariable] = "env";
        _env[EnvironmentTokenSource.DefaultFileVariable] = Write("token", "file");

        Assert.Equal("env", Source().GetToken(User).Token!.Reveal());
    }

    [Fact]
    public void GetToken_UnreadableFile_IsAProblemNamingTheVariable()
    {
        _env[EnvironmentTokenSource.DefaultFileVariable] = _dir.Combine("missing");

        var lookup = Source().GetToken(User);

        Assert.Null(lookup.Token);
        Assert.Contains(EnvironmentTokenSource.DefaultFileVariable, lookup.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void GetToken_BlankVariable_CountsAsUnset()
    {
        _env[EnvironmentTokenSource.PerUserVariable(User)] = "   ";
        _env[EnvironmentTokenSource.DefaultVariable] = "default";

        Assert.Equal("default", Source().GetToken(User).Token!.Reveal());
    }

    [Fact]
    public void GetToken_ValueWithSpaces_IsAProblemWithoutTheValue()
    {
        _env[EnvironmentTokenSource.DefaultVariable] = "two words";

        var lookup = Source().GetToken(User);

        Assert.Null(lookup.Token);
        Assert.Contains(EnvironmentTokenSource.DefaultVariable, lookup.Problem, StringComparison.Ordinal);
        Assert.DoesNotContain("two words", lookup.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void GetToken_RotatedFile_IsReadAgain()
    {
        var path = Write("token", "first");
        _env[EnvironmentTokenSource.DefaultFileVariable] = path;
        var source = Source();
        Assert.Equal("first", source.GetToken(User).Token!.Reveal());

        File.WriteAllText(path, "second");

        Assert.Equal("second", source.GetToken(User).Token!.Reveal());
    }

    private EnvironmentTokenSource Source() => new(name => _env.GetValueOrDefault(name));

    private string Write(string name, string text)
    {
        var path = _dir.Combine(name);
        File.WriteAllText(path, text);
        return path;
    }
}
