using System.Net;
using System.Net.Sockets;

namespace Reconciler.Testing.Git;

/// <summary>Ports on 127.0.0.1 for test servers.</summary>
public static class LoopbackPorts
{
    /// <summary>A port that was free a moment ago; a server started on it right away almost always gets it.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A port nothing listens on: connecting to it is refused at once.</summary>
    public static int Closed() => Free();

    /// <summary>Waits until something accepts connections on the port.</summary>
    public static async Task WaitUntilListeningAsync(int port, TimeSpan timeout, Func<bool>? stillStarting = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (stillStarting is not null && !stillStarting())
            {
                throw new InvalidOperationException($"the server for port {port} stopped while starting");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new TimeoutException($"nothing listened on 127.0.0.1:{port} within {timeout.TotalSeconds:0} s");
    }
}
