using System.Text.Json;
using System.Text.Json.Serialization;

namespace Reconciler.Service.Status;

/// <summary>Writes an enum as its word (from its one word table) and reads the word back; an unknown word is an error.</summary>
public sealed class WordConverter<T>(Func<T, string> toWord) : JsonConverter<T>
    where T : struct, Enum
{
    private readonly Dictionary<string, T> _byWord = Enum.GetValues<T>().ToDictionary(toWord, v => v, StringComparer.Ordinal);

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var word = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return word is not null && _byWord.TryGetValue(word, out var value) ? value : throw new JsonException($"'{word}' is not a {typeof(T).Name} word");
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(toWord(value));
    }
}
