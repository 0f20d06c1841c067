namespace Reconciler.Service.Notifications;

/// <summary>The message shape a notification URL receives.</summary>
public enum NotifyFormat
{
    /// <summary>WeCom (企业微信) group robot: <c>{"msgtype":"text","text":{"content":…}}</c>; answers <c>{"errcode":0}</c>.</summary>
    WeCom,

    /// <summary>DingTalk (钉钉) custom robot: <c>{"msgtype":"markdown","markdown":{"title","text"}}</c>; answers <c>{"errcode":0}</c>.</summary>
    DingTalk,

    /// <summary>Feishu/Lark (飞书) custom bot: <c>{"msg_type":"text","content":{"text":…}}</c>; answers <c>{"code":0}</c>.</summary>
    Feishu,

    /// <summary>Any other receiver: one JSON object per event (docs/service.md describes it); any 2xx is success.</summary>
    Json,
}
