using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Reconciler.Testing.Git;

/// <summary>Runs git http-backend for one request: CGI variables in, "headers, blank line, body" out.</summary>
internal static class GitCgiGateway
{
    public static async Task RunAsync(string git, string projectRoot, HttpContext context)
    {
        var request = context.Request;
        var start = new ProcessStartInfo(git)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("safe.directory=*");
        start.ArgumentList.Add("http-backend");
        start.Environment["GIT_PROJECT_ROOT"] = projectRoot;
        start.Environment["GIT_HTTP_EXPORT_ALL"] = "1";
        start.Environment["GATEWAY_INTERFACE"] = "CGI/1.1";
        start.Environment["SERVER_PROTOCOL"] = "HTTP/1.1";
        start.Environment["REQUEST_METHOD"] = request.Method;
        start.Environment["PATH_INFO"] = request.Path.Value ?? "/";
        start.Environment["QUERY_STRING"] = request.QueryString.HasValue ? request.QueryString.Value![1..] : "";
        start.Environment["CONTENT_TYPE"] = request.ContentType ?? "";
        start.Environment["REMOTE_ADDR"] = "127.0.0.1";
        start.Environment["REMOTE_USER"] = "test";
        if (request.ContentLength is { } length)
        {
            start.Environment["CONTENT_LENGTH"] = length.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (request.Headers.ContentEncoding.Count > 0)
        {
            start.Environment["HTTP_CONTENT_ENCODING"] = request.Headers.ContentEncoding.ToString();
        }

        if (request.Headers.TryGetValue("Git-Protocol", out var protocol))
        {
            start.Environment["GIT_PROTOCOL"] = protocol.ToString();
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("git http-backend did not start");
        var errors = process.StandardError.ReadToEndAsync();
        var feed = FeedAsync(request.Body, process.StandardInput.BaseStream);
        var output = process.StandardOutput.BaseStream;
        await WriteHeadersAsync(output, context.Response);
        await output.CopyToAsync(context.Response.Body);
        await feed;
        await errors;
        await process.WaitForExitAsync();
    }

    private static async Task FeedAsync(Stream body, Stream input)
    {
        await using (input)
        {
            await body.CopyToAsync(input);
        }
    }

    private static async Task WriteHeadersAsync(Stream output, HttpResponse response)
    {
        while (await ReadLineAsync(output) is { Length: > 0 } line)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                continue;
            }

            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (name.Equals("Status", StringComparison.OrdinalIgnoreCase))
            {
                response.StatusCode = int.Parse(value.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
            }
            else
            {
                response.Headers[name] = value;
            }
        }
    }

    // Byte by byte: the body that follows must stay unread in the stream.
    private static async Task<string> ReadLineAsync(Stream stream)
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (await stream.ReadAsync(one) == 1 && one[0] != (byte)'\n')
        {
            if (one[0] != (byte)'\r')
            {
                bytes.Add(one[0]);
            }
        }

        return Encoding.ASCII.GetString([.. bytes]);
    }
}
