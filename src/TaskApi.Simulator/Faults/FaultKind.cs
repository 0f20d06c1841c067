namespace TaskApi.Simulator.Faults;

/// <summary>What an injected fault does to one request.</summary>
public enum FaultKind
{
    /// <summary>HTTP 500 with an HTML body, before processing.</summary>
    InternalServerError,

    /// <summary>HTTP 502 with an HTML body (as a proxy would send), before processing.</summary>
    BadGateway,

    /// <summary>HTTP 503 with an HTML body, before processing.</summary>
    ServiceUnavailable,

    /// <summary>HTTP 429 with <c>Retry-After</c> seconds, before processing.</summary>
    TooManyRequests,

    /// <summary>Hang before processing until the client gives up or the cap passes (then HTTP 504).</summary>
    Timeout,

    /// <summary>Abort the connection before processing: nothing is stored.</summary>
    DropConnection,

    /// <summary>Process (and store) the request, then abort the connection without an answer.</summary>
    DropAfterProcessing,

    /// <summary>Answer code 6007 without storing, as if the task were running (updates only).</summary>
    TaskRunning,

    /// <summary>Wait the fault's delay, then process normally (the client may give up first: then nothing is stored).</summary>
    DelayBefore,

    /// <summary>Process and store, then wait the fault's delay before answering.</summary>
    DelayAfter,

    /// <summary>
    /// Take the request in, then store it only after the fault's delay, whether or not the client is still there (a
    /// platform whose queue is late: the request of a client that gave up, was paused or died still lands), then answer.
    /// </summary>
    StoreLate,

    /// <summary>
    /// Process and answer success, but keep the earlier stored value of the fault's <see cref="QueuedFault.Field"/>
    /// (removed if there was none): a platform that answers 200 and silently drops one field of an update (updates only).
    /// </summary>
    IgnoreField,

    /// <summary>Process normally, then send the answer one byte per fault delay (zero: one per second): an answer that drips.</summary>
    TrickleAnswer,
}
