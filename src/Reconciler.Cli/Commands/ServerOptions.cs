using System.CommandLine;
using System.Net;

namespace Reconciler.Cli.Commands;

/// <summary>Where a running service (<c>reconciler run</c>) answers: <c>--server URL</c>, else <c>RECONCILER_SERVER</c>, else loopback.</summary>
internal sealed class ServerOptions
{
    public const string Variable = "RECONCILER_SERVER";
    public const string Default = "http://127.0.0.1:8080";

    /// <param name="name">The option's name: <c>--server</c>, or <c>--service</c> where the address also chooses the mode (rollback).</param>
    public ServerOptions(string name = "--server", string? description = null) => Server = new(name)
    {
        Description = description ?? $"Address of the running service's --listen. Default: ${Variable}, else {Default}.",
        HelpName = "URL",
    };

    public Option<string?> Server { get; }

    public void AddTo(Command command) => command.Options.Add(Server);

    public Uri BaseAddress(ParseResult result, CliConsole console)
    {
        var text = result.GetValue(Server) ?? console.Environment(Variable) ?? Default;
        if (!Uri.TryCreate(text.Contains("://", StringComparison.Ordinal) ? text : "http://" + text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new CliException($"'{text}' is not a server address (e.g. {Default}) ({Server.Name} / {Variable})");
        }

        return new Uri(uri.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/");
    }

    /// <summary>A bearer token over plain http may only travel on this machine.</summary>
    public static bool IsLoopbackOrHttps(Uri server) =>
        server.Scheme == "https" || server.IsLoopback || (IPAddress.TryParse(server.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    public static HttpClient Client(Uri server) => new() { BaseAddress = server, Timeout = TimeSpan.FromSeconds(15) };
}
