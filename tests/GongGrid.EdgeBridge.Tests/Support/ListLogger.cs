using Microsoft.Extensions.Logging;

namespace GongGrid.EdgeBridge.Tests.Support;

/// <summary>Keeps what a bridge part logs, so a test can check what an operator would read (a journal repair with its file and offset, a refused message).</summary>
public sealed class ListLogger : ILogger
{
    private readonly List<(LogLevel Level, string Message)> _entries = [];

    public IReadOnlyList<(LogLevel Level, string Message)> Entries
    {
        get
        {
            lock (_entries)
            {
                return [.. _entries];
            }
        }
    }

    /// <summary>Every entry, one a line, for a failure message.</summary>
    public string Describe() => string.Join('\n', Entries.Select(entry => $"{entry.Level}: {entry.Message}"));

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
        Func<TState, Exception?, string> formatter)
    {
        lock (_entries)
        {
            _entries.Add((logLevel, formatter(state, exception)));
        }
    }
}
