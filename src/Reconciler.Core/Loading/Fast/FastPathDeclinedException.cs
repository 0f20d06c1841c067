namespace Reconciler.Core.Loading.Fast;

/// <summary>The fast loader met something it leaves to the full loader. Raised only inside the fast loader and always caught there.</summary>
internal sealed class FastPathDeclinedException() : Exception("the fast YAML loader leaves this file to the full loader");
