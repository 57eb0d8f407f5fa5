namespace GongGrid.Runtime.Reminders;

/// <summary>
/// Thread-safe reminder table in process memory, for unit tests. Times are kept in UTC, as the SQLite table
/// returns them.
/// </summary>
public sealed class InMemoryReminderTable : IReminderTable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(GrainId, string), ReminderEntry> _entries = [];

    public Task UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken = default)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        lock (_gate)
        {
            _entries[(entry.GrainId, entry.Name)] = entry with { StartAt = entry.StartAt.ToUniversalTime(), LastFiredAt = null };
        }

        return Task.CompletedTask;
    }

    public Task<bool> RemoveAsync(GrainId grainId, string name, CancellationToken cancellationToken = default)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<bool>(cancellationToken);
        }

        lock (_gate)
        {
            return Task.FromResult(_entries.Remove((grainId, name)));
        }
    }

    public Task<ReminderEntry?> ReadAsync(GrainId grainId, string name, CancellationToken cancellationToken = default)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<ReminderEntry?>(cancellationToken);
        }

        lock (_gate)
        {
            return Task.FromResult(_entries.GetValueOrDefault((grainId, name)));
        }
    }

    public Task<IReadOnlyList<ReminderEntry>> ReadAllAsync(CancellationToken cancellationToken = default)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<IReadOnlyList<ReminderEntry>>(cancellationToken);
        }

        lock (_gate)
        {
            IReadOnlyList<ReminderEntry> all = [.. _entries.Values
                .OrderBy(e => e.GrainId.Type, StringComparer.Ordinal)
                .ThenBy(e => e.GrainId.Key, StringComparer.Ordinal)
                .ThenBy(e => e.Name, StringComparer.Ordinal)];
            return Task.FromResult(all);
        }
    }

    public Task MarkFiredAsync(GrainId grainId, string name, DateTimeOffset dueAt, CancellationToken cancellationToken = default)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        lock (_gate)
        {
            if (_entries.TryGetValue((grainId, name), out var entry))
            {
                _entries[(grainId, name)] = entry with { LastFiredAt = dueAt.ToUniversalTime() };
            }
        }

        return Task.CompletedTask;
    }
}
