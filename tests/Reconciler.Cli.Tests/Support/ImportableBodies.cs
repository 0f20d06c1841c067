namespace Reconciler.Cli.Tests.Support;

/// <summary>
/// Bodies made only of the fields the task detail carries (name, the top-level numbers, task_extras), as a task
/// configured on the platform would read back — what an unedited import can reproduce exactly.
/// </summary>
internal static class ImportableBodies
{
    public static string V2(string name, int maximumCall = 2) =>
        $"{{\"name\":\"{name}\",\"destination_extension\":123,\"maximumcall\":{maximumCall},\"dial_time_id\":\"215870475195883520\"," +
        "\"task_extras\":{\"start_time\":\"2026-12-23 19:00:00\",\"stop_time\":\"2027-12-25 23:59:59\",\"pop_mode\":1,\"holiday\":[]," +
        "\"line\":[{\"id\":\"d47c3599-f166-4cd0-999c-f60e46814d26\",\"limit\":2},{\"id\":\"0b7e1c56-2f0d-4c59-9d0c-5d3c1f2a9e11\",\"limit\":2}]}}";
}
