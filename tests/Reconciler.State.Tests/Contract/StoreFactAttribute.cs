using Xunit;
using Xunit.Sdk;

namespace Reconciler.State.Tests.Contract;

/// <summary>
/// A fact of the shared store contract (<see cref="StateStoreContract"/>): it runs once per store class deriving from
/// the contract, and in the PostgreSQL class it is skipped, saying why, only when no PostgreSQL server is available.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("Reconciler.State.Tests.Contract.StoreFactDiscoverer", "Reconciler.State.Tests")]
public sealed class StoreFactAttribute : FactAttribute;
