using Orleans.Storage;

namespace GongGrid.Storage.Sqlite;

/// <summary>One write waiting for the writer loop; its task completes only after the batch holding it committed.</summary>
internal abstract class SqliteWriteRequest
{
    /// <summary>Claims the request for a batch; false when its caller cancelled first, so it is skipped.</summary>
    public abstract bool TryTake();

    /// <summary>Runs the write inside the batch transaction. A conflict is kept as this request's outcome alone.</summary>
    public abstract void Apply(SqliteBatch batch);

    /// <summary>Reports the outcome recorded by the last <see cref="Apply"/>; called after COMMIT.</summary>
    public abstract void Complete();

    public abstract void Fail(Exception error);
}

/// <inheritdoc />
internal sealed class SqliteWriteRequest<T> : SqliteWriteRequest
{
    private const int Pending = 0;
    private const int Taken = 1;
    private const int Cancelled = 2;

    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Func<SqliteBatch, T> _write;
    private readonly CancellationToken _cancellationToken;
    private readonly CancellationTokenRegistration _registration;
    private int _state;
    private T? _result;
    private InconsistentStateException? _conflict;

    public SqliteWriteRequest(Func<SqliteBatch, T> write, CancellationToken cancellationToken)
    {
        _write = write;
        _cancellationToken = cancellationToken;
        _registration = cancellationToken.Register(static request => ((SqliteWriteRequest<T>)request!).Cancel(), this);
    }

    public Task<T> Task => _completion.Task;

    public override bool TryTake() => Interlocked.CompareExchange(ref _state, Taken, Pending) == Pending;

    public override void Apply(SqliteBatch batch)
    {
        try
        {
            _result = _write(batch);
            _conflict = null;
        }
        catch (InconsistentStateException conflict)
        {
            _conflict = conflict;
        }
    }

    public override void Complete()
    {
        _registration.Dispose();
        if (_conflict is null)
        {
            _completion.TrySetResult(_result!);
        }
        else
        {
            _completion.TrySetException(_conflict);
        }
    }

    public override void Fail(Exception error)
    {
        _registration.Dispose();
        _completion.TrySetException(error);
    }

    private void Cancel()
    {
        if (Interlocked.CompareExchange(ref _state, Cancelled, Pending) == Pending)
        {
            _completion.TrySetCanceled(_cancellationToken);
        }
    }
}
