using Reconciler.Testing.Postgres;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Reconciler.State.Tests.Contract;

/// <summary>A contract fact in one store's class: a PostgreSQL class skips it when no server is available.</summary>
public sealed class StoreTestCase : XunitTestCase
{
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public StoreTestCase()
    {
    }

    public StoreTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay defaultMethodDisplay, TestMethodDisplayOptions defaultMethodDisplayOptions, ITestMethod testMethod)
        : base(diagnosticMessageSink, defaultMethodDisplay, defaultMethodDisplayOptions, testMethod)
    {
    }

    protected override string? GetSkipReason(IAttributeInfo factAttribute) =>
        TestMethod.TestClass.Class.Name.Contains("Postgres", StringComparison.Ordinal) ? PostgresTestServer.SkipReason : base.GetSkipReason(factAttribute);
}
