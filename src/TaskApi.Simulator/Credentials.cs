using System.Security.Cryptography;
using System.Text;

namespace TaskApi.Simulator;

/// <summary>
/// The tokens the simulator accepts: each account's own, an optional default token for every account, and client
/// tokens — further tokens of an account, each with a label the request log shows (never the token), so several
/// clients of one account (replicas of a service) can be told apart. Thread-safe; compared in constant time.
/// </summary>
internal sealed class Credentials
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, byte[]> _accounts = new(StringComparer.Ordinal);
    private readonly List<(string UserId, byte[] Token, string Client)> _clients = [];
    private byte[]? _defaultToken;

    public void SetDefault(string? token)
    {
        lock (_gate)
        {
            _defaultToken = string.IsNullOrEmpty(token) ? null : Encoding.UTF8.GetBytes(token);
        }
    }

    public void RegisterAccount(string userId, string token)
    {
        lock (_gate)
        {
            _accounts[userId] = Encoding.UTF8.GetBytes(token);
        }
    }

    public void RegisterClient(string userId, string token, string client)
    {
        lock (_gate)
        {
            _clients.Add((userId, Encoding.UTF8.GetBytes(token), client));
        }
    }

    public IReadOnlyList<string> AccountIds()
    {
        lock (_gate)
        {
            return _accounts.Keys.Order(StringComparer.Ordinal).ToList();
        }
    }

    /// <summary>Whether the token is accepted for the account, and the label of the client token it is (null for the account's own or the default).</summary>
    public (bool Authorized, string? Client) Authorize(string userId, string? presentedToken)
    {
        if (string.IsNullOrEmpty(presentedToken))
        {
            return (false, null);
        }

        var presented = Encoding.UTF8.GetBytes(presentedToken);
        lock (_gate)
        {
            foreach (var (owner, token, client) in _clients)
            {
                if (owner == userId && CryptographicOperations.FixedTimeEquals(token, presented))
                {
                    return (true, client);
                }
            }

            return ((_accounts.TryGetValue(userId, out var expected) && CryptographicOperations.FixedTimeEquals(expected, presented))
                || (_defaultToken is not null && CryptographicOperations.FixedTimeEquals(_defaultToken, presented)), null);
        }
    }
}
