using System.Text.Json;

namespace TaskApi.Simulator.Api.Shapes;

/// <summary>
/// The type a field of the platform's document has (its 参数说明 tables and request examples), checked on a value that
/// was sent. Written from the document, independently of the reconciler's schemas.
/// </summary>
internal abstract record Shape
{
    /// <summary>How the document's type is named in a refusal: "{path} 必须是{TypeWord}".</summary>
    public abstract string TypeWord { get; }

    /// <summary>The first problem with a value that is not JSON null, or null when it has the shape.</summary>
    public abstract string? Check(JsonElement value, string path);

    protected string WrongType(string path) => $"{path} 必须是{TypeWord}";
}
