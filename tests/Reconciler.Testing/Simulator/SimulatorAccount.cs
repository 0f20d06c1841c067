namespace Reconciler.Testing.Simulator;

/// <summary>An account registered in a test simulator, with its (random) bearer token.</summary>
public sealed record SimulatorAccount(string UserId, string Token)
{
    /// <summary>Tests assert that tokens never reach output; the fixture's own types keep them out too.</summary>
    public override string ToString() => $"SimulatorAccount {{ UserId = {UserId}, Token = [redacted] }}";
}
