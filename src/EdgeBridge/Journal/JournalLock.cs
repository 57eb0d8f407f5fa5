namespace GongGrid.EdgeBridge.Journal;

/// <summary>
/// Keeps a second journal (in this process or another) from opening the same directory: <c>journal.lock</c>
/// held open with <see cref="FileShare.None"/>, which .NET enforces on Unix with an exclusive flock. The
/// kernel drops the lock when the process dies, even by kill -9, so a stale lock file never blocks a restart.
/// </summary>
internal sealed class JournalLock : IDisposable
{
    public const string FileName = "journal.lock";
    private readonly FileStream _file;

    private JournalLock(FileStream file) => _file = file;

    public static JournalLock Acquire(string directory)
    {
        var path = Path.Combine(directory, FileName);
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException error)
        {
            throw new JournalLockedException(directory, error);
        }
        // The holder's process id, for whoever finds the directory locked.
        file.SetLength(0);
        using (var writer = new StreamWriter(file, leaveOpen: true))
        {
            writer.Write(Environment.ProcessId);
        }
        return new JournalLock(file);
    }

    public void Dispose() => _file.Dispose();
}
