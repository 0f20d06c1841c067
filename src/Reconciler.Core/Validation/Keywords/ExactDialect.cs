using Json.Schema;
using Json.Schema.Keywords;

namespace Reconciler.Core.Validation.Keywords;

/// <summary>
/// Draft 2020-12 as JsonSchema.Net 8 implements it, with six keywords replaced so that JsonSchema.Net reads our schemas
/// as the specification does and as the compiled fast check (<see cref="Fast.SchemaCompiler"/>) does: <c>pattern</c>
/// with ECMA-262's meaning, and <c>enum</c>, <c>const</c>, <c>uniqueItems</c>, <c>minimum</c>, <c>maximum</c> with exact
/// numbers. Registered under the draft's own URI in a private registry, so the schemas' <c>$schema</c> selects it.
/// </summary>
internal static class ExactDialect
{
    public static Dialect Draft202012 { get; } = new(
        AdditionalPropertiesKeyword.Instance,
        AllOfKeyword.Instance,
        AnchorKeyword.Instance,
        AnyOfKeyword.Instance,
        CommentKeyword.Instance,
        new ExactConstKeyword(),
        ContainsKeyword.Instance,
        ContentEncodingKeyword.Instance,
        ContentMediaTypeKeyword.Instance,
        ContentSchemaKeyword.Instance,
        DefaultKeyword.Instance,
        DefsKeyword.Instance,
        DependentRequiredKeyword.Instance,
        DependentSchemasKeyword.Instance,
        DeprecatedKeyword.Instance,
        DescriptionKeyword.Instance,
        DynamicAnchorKeyword.Instance,
        global::Json.Schema.Keywords.Draft202012.DynamicRefKeyword.Instance,
        ElseKeyword.Instance,
        new ExactEnumKeyword(),
        ExamplesKeyword.Instance,
        ExclusiveMaximumKeyword.Instance,
        ExclusiveMinimumKeyword.Instance,
        FormatKeyword.Instance, // the library uses its draft-06 handler here; our schemas use no format
        IdKeyword.Instance,
        IfKeyword.Instance,
        ItemsKeyword.Instance,
        MaxContainsKeyword.Instance,
        new ExactMaximumKeyword(),
        MaxItemsKeyword.Instance,
        MaxLengthKeyword.Instance,
        MaxPropertiesKeyword.Instance,
        MinContainsKeyword.Instance,
        new ExactMinimumKeyword(),
        MinItemsKeyword.Instance,
        MinLengthKeyword.Instance,
        MinPropertiesKeyword.Instance,
        MultipleOfKeyword.Instance,
        NotKeyword.Instance,
        OneOfKeyword.Instance,
        new EcmaPatternKeyword(),
        PatternPropertiesKeyword.Instance,
        PrefixItemsKeyword.Instance,
        PropertiesKeyword.Instance,
        PropertyNamesKeyword.Instance,
        ReadOnlyKeyword.Instance,
        RefKeyword.Instance,
        RequiredKeyword.Instance,
        SchemaKeyword.Instance,
        ThenKeyword.Instance,
        TitleKeyword.Instance,
        TypeKeyword.Instance,
        UnevaluatedItemsKeyword.Instance,
        UnevaluatedPropertiesKeyword.Instance,
        new ExactUniqueItemsKeyword(),
        global::Json.Schema.Keywords.Draft201909.VocabularyKeyword.Instance,
        WriteOnlyKeyword.Instance)
    {
        Id = Dialect.Draft202012.Id,
        AllowUnknownKeywords = true,
    };

    /// <summary>A registry holding only <see cref="Draft202012"/>, for <see cref="BuildOptions.DialectRegistry"/>.</summary>
    public static DialectRegistry Registry()
    {
        var registry = new DialectRegistry();
        registry.Register(Draft202012);
        return registry;
    }
}
