using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Reconciler.Core.Applying;
using Reconciler.TaskApi.Auth;

namespace Reconciler.TaskApi.Tests;

/// <summary>https everywhere, plain http only on loopback; nothing here sends a request.</summary>
public sealed class BaseAddressTests
{
    [Theory]
    [InlineData("http://example.com")]
    [InlineData("http://10.0.0.5:8080")]
    [InlineData("http://ai.api.longlonglong.cn")]
    [InlineData("ftp://example.com")]
    [InlineData("https://user:pass@example.com")]
    public void Resolve_RefusedBaseAddress_ThrowsWithClearMessage(string url)
    {
        using var provider = Services(url);

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ITaskApi>());

        Assert.Contains("API base URL", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("pass", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://ai.api.longlonglong.cn")]
    [InlineData("http://127.0.0.1:5080")]
    [InlineData("http://localhost:5080")]
    [InlineData("http://[::1]:5080")]
    public void Resolve_AllowedBaseAddress_Works(string url)
    {
        using var provider = Services(url);

        Assert.IsType<TaskApiClient>(provider.GetRequiredService<ITaskApi>());
    }

    [Fact]
    public void Default_IsThePlatformOverHttps()
    {
        Assert.Equal(new Uri("https://ai.api.longlonglong.cn"), new TaskApiOptions().BaseAddress);
        Assert.Null(TaskApiBaseAddress.Problem(new TaskApiOptions().BaseAddress));
    }

    [Fact]
    public void Normalize_KeepsABasePath()
    {
        Assert.Equal("https://gw.example/prefix/", TaskApiBaseAddress.Normalize(new Uri("https://gw.example/prefix")).AbsoluteUri);
        Assert.Equal("https://gw.example/prefix/", TaskApiBaseAddress.Normalize(new Uri("https://gw.example/prefix/")).AbsoluteUri);
    }

    [Fact]
    public void Constructor_HttpClientWithNonLoopbackHttp_IsRefused()
    {
        using var http = new HttpClient { BaseAddress = new Uri("http://example.com/") };

        var error = Assert.Throws<ArgumentException>(() => new TaskApiClient(
            http, new EnvironmentTokenSource(_ => null), Options.Create(new TaskApiOptions()), TimeProvider.System, NullLogger<TaskApiClient>.Instance));

        Assert.Contains("plain http", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_NegativeRetries_IsRefused()
    {
        using var provider = Services("https://ai.api.longlonglong.cn", o => o.MaxRetryAttempts = -1);

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ITaskApi>());
    }

    private static ServiceProvider Services(string url, Action<TaskApiOptions>? tweak = null)
    {
        var services = new ServiceCollection();
        services.AddTaskApiClient(options =>
        {
            options.BaseAddress = new Uri(url);
            tweak?.Invoke(options);
        });
        return services.BuildServiceProvider();
    }
}
