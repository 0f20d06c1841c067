namespace Reconciler.Core.TaskSets;

/// <summary>The JSON kinds a schema allows at one place, so a CSV cell can be typed by the schema.</summary>
[Flags]
internal enum ValueKinds
{
    None = 0,
    String = 1,
    Integer = 2,
    Number = 4,
    Boolean = 8,
    Array = 16,
    Object = 32,
    Null = 64,
    Any = String | Integer | Number | Boolean | Array | Object | Null,
}
