namespace TaskApi.Simulator.Api.Shapes;

/// <summary>One field of an object as the document describes it; <paramref name="MissingWords"/> is the refusal when a required field is missing.</summary>
internal sealed record Field(string Name, Shape Shape, Presence Presence = Presence.Optional, string MissingWords = "不能为空");
