using GongGrid.EdgeBridge.Tests.Journal;

#pragma warning disable CA1050 // The runtime finds a startup hook by this exact name, outside any namespace.

/// <summary>
/// Lets the kill test run this test assembly as its own child process, with no helper project: started as
/// <c>dotnet exec GongGrid.EdgeBridge.Tests.dll</c> with <c>DOTNET_STARTUP_HOOKS</c> naming the same assembly,
/// the runtime calls <see cref="Initialize"/> before the (empty) generated Main, and this becomes the appending
/// child. In any other process (the test host) the hook is not configured and this never runs.
/// </summary>
public static class StartupHook
{
    public static void Initialize()
    {
        if (Environment.GetEnvironmentVariable(JournalKillChild.DirectoryVariable) is { Length: > 0 } directory)
        {
            Environment.Exit(JournalKillChild.Run(directory));
        }
    }
}
