using System.Text;
using Reconciler.Core.Importing;

namespace Reconciler.Core.Tests.Importing;

public sealed class ImportFileNamesTests
{
    private static readonly string[] Odd = ["a.b", "a_b", "a\nb", "a/b", "..", "任务"];

    [Fact]
    public void For_AUuid_IsTheIdItself() =>
        Assert.Equal("f232d184-dd54-42a0-8ace-0bf8d660f4cc.yaml", ImportFileNames.For("f232d184-dd54-42a0-8ace-0bf8d660f4cc"));

    [Fact]
    public void For_IdsThatUsedToShareAName_GetDistinctReversibleNames()
    {
        var names = Odd.Select(ImportFileNames.For).ToList();

        Assert.Equal(["a_2Eb.yaml", "a_5Fb.yaml", "a_0Ab.yaml", "a_2Fb.yaml", "_2E_2E.yaml", "_E4_BB_BB_E5_8A_A1.yaml"], names);
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void For_A300CharacterId_GetsAShortenedHashedName()
    {
        var id = new string('a', 150) + new string('b', 150);
        var other = new string('a', 150) + new string('b', 149) + "c";

        var name = ImportFileNames.For(id);

        Assert.True(Encoding.UTF8.GetByteCount(name) <= ImportFileNames.MaxNameBytes, name);
        Assert.Matches("^a{100}~[0-9a-f]{16}\\.yaml$", name);
        Assert.Equal(name, ImportFileNames.For(id));
        Assert.NotEqual(name, ImportFileNames.For(other));
    }

    [Fact]
    public void Assign_IdsDifferingOnlyInCase_RefusesTheSecondNamingTheFirst()
    {
        var (names, refused) = ImportFileNames.Assign(["Task-A", "task-a", "task-b"]);

        Assert.Equal(["Task-A", "task-b"], names.Keys.Order(StringComparer.Ordinal));
        Assert.Equal([("task-a", "Task-A")], refused);
    }
}
