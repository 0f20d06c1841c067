using Reconciler.Cli.Tests.Support;
using Reconciler.State;
using Reconciler.Testing.Simulator;

namespace Reconciler.Cli.Tests.Commands;

/// <summary>What stops an apply before it sends anything: another apply holding the lock, no confirmation.</summary>
public sealed class ApplyGuardTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>
{
    [Fact]
    public async Task Apply_StateLockedByAnotherApply_FailsWithTheLockedMessage()
    {
        using var work = new ApplyWorkspace(simulator);
        var identity = work.AddTask("a.yaml");
        await using (var holder = await SqliteStateStore.OpenAsync(work.StatePath))
        {
            await using var held = await holder.AcquireApplyLockAsync(CancellationToken.None);

            var locked = await work.ApplyAsync();

            Assert.True(locked.ExitCode == 1, locked.ToString());
            Assert.Contains($"reconciler: error: state store '{work.StatePath}' is locked by another apply (pid {Environment.ProcessId}", locked.Error, StringComparison.Ordinal);
            Assert.Equal((0, 0), (work.Task(identity).PutCount, work.Task(identity).DetailCount));
        }

        var afterRelease = await work.ApplyAsync();

        Assert.True(afterRelease.ExitCode == 0, afterRelease.ToString());
        Assert.Equal(1, work.Task(identity).PutCount);
    }

    [Fact]
    public async Task Apply_NoAutoApproveAndStdinNotATerminal_FailsWithAClearMessage()
    {
        using var work = new ApplyWorkspace(simulator);
        var identity = work.AddTask("a.yaml");

        var result = await work.RunAsync(["apply", ApplyWorkspace.ManifestDir, "--api-url", simulator.BaseAddress.ToString(), "--state", ApplyWorkspace.StateFile], stdin: "yes\n", terminal: false);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("reconciler: error: apply needs --auto-approve when it is not run from a terminal", result.Error, StringComparison.Ordinal);
        Assert.Contains("Plan: 0 to update, 1 to adopt", result.Out, StringComparison.Ordinal); // the plan is still shown
        Assert.Equal(0, work.Task(identity).PutCount);
        Assert.Empty(await work.StateAsync());
    }

    [Theory]
    [InlineData("no\n", 1, 0)]
    [InlineData("\n", 1, 0)]
    [InlineData("yes\n", 0, 1)]
    public async Task Apply_OnATerminal_AppliesOnlyAfterYes(string answer, int exitCode, int puts)
    {
        using var work = new ApplyWorkspace(simulator);
        var identity = work.AddTask("a.yaml");

        var result = await work.RunAsync(["apply", ApplyWorkspace.ManifestDir, "--api-url", simulator.BaseAddress.ToString(), "--state", ApplyWorkspace.StateFile], stdin: answer, terminal: true);

        Assert.True(result.ExitCode == exitCode, result.ToString());
        Assert.Contains("Apply these changes? Only 'yes' will be accepted:", result.Out, StringComparison.Ordinal);
        Assert.Equal(puts, work.Task(identity).PutCount);
    }

    [Fact]
    public async Task Apply_NothingToDo_NeedsNoConfirmation()
    {
        using var work = new ApplyWorkspace(simulator);
        work.AddTask("a.yaml");
        Assert.Equal(0, (await work.ApplyAsync()).ExitCode);

        var result = await work.RunAsync(["apply", ApplyWorkspace.ManifestDir, "--api-url", simulator.BaseAddress.ToString(), "--state", ApplyWorkspace.StateFile]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("No changes", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_BadTuningVariable_FailsBeforeSending()
    {
        using var work = new ApplyWorkspace(simulator);
        var identity = work.AddTask("a.yaml");
        work.Environment["RECONCILER_API_ATTEMPT_TIMEOUT_MS"] = "soon";

        var result = await work.ApplyAsync();

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("RECONCILER_API_ATTEMPT_TIMEOUT_MS must be a whole number from 10 to 600000, not 'soon'", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, work.Task(identity).PutCount);
    }
}
