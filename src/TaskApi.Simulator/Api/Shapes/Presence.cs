namespace TaskApi.Simulator.Api.Shapes;

/// <summary>Whether the document requires a field.</summary>
internal enum Presence
{
    /// <summary>否: may be left out; when sent, it has the field's type (JSON null is not a value of any documented type).</summary>
    Optional,

    /// <summary>是 / 必填 / 必须传递: must be sent with a value (not null, not blank text).</summary>
    Required,

    /// <summary><c>bridge_group_id</c>: "不传这个键,则表示为空 传了则必填": may be left out, but a key that is sent must hold a value.</summary>
    FilledWhenSent,
}
