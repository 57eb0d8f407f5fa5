namespace GongGrid.Mqtt.Connection;

/// <summary>
/// The client's side of the session, which outlives each connection: publishes waiting in call order, the bounded
/// window of QoS 1 publishes awaiting PUBACK (by packet id), and packet id allocation. The attached connection's
/// writer takes from here; when a new connection attaches, every unacknowledged QoS 1 publish is handed out again
/// first, in its original order, to be resent with DUP set.
/// </summary>
internal sealed class OutboundSession(int maxInFlight)
{
    private readonly Lock _gate = new();
    private readonly Queue<OutboundPublish> _waiting = new();
    private readonly Dictionary<ushort, OutboundPublish> _inFlight = [];
    private readonly HashSet<ushort> _requestIds = [];
    private readonly Queue<OutboundPublish> _resend = new();
    private ushort _lastId;
    private long _sequence;
    private object? _owner;
    private Action? _wake;
    private Exception? _stopped;

    public int InFlightCount
    {
        get
        {
            lock (_gate)
            {
                return _inFlight.Count;
            }
        }
    }

    public void Enqueue(OutboundPublish publish)
    {
        Action? wake;
        lock (_gate)
        {
            if (_stopped is not null)
            {
                publish.TrySetException(_stopped);
                return;
            }
            _waiting.Enqueue(publish);
            wake = _wake;
        }
        wake?.Invoke();
    }

    /// <summary>Makes <paramref name="owner"/> the connection that sends; queues every unacknowledged publish for resend.</summary>
    public void Attach(object owner, Action wake)
    {
        lock (_gate)
        {
            _owner = owner;
            _wake = wake;
            _resend.Clear();
            foreach (var publish in _inFlight.Values.OrderBy(p => p.Sequence))
            {
                _resend.Enqueue(publish);
            }
        }
        wake();
    }

    public void Detach(object owner)
    {
        lock (_gate)
        {
            if (_owner == owner)
            {
                _owner = null;
                _wake = null;
                _resend.Clear();
            }
        }
    }

    /// <summary>
    /// Moves up to <paramref name="max"/> publishes to <paramref name="batch"/> for the owner to write: resends
    /// (flagged DUP) first, then waiting ones in order while the window has room. Returns how many.
    /// </summary>
    public int TakeBatch(object owner, List<(OutboundPublish Publish, bool Dup)> batch, int max)
    {
        lock (_gate)
        {
            if (_owner != owner)
            {
                return 0;
            }
            var taken = 0;
            while (taken < max && _resend.TryDequeue(out var resend))
            {
                if (_inFlight.TryGetValue(resend.PacketId, out var current) && current == resend)
                {
                    batch.Add((resend, true));
                    taken++;
                }
            }
            while (taken < max && _waiting.TryPeek(out var next))
            {
                if (next.Qos == MqttQos.AtLeastOnce)
                {
                    if (_inFlight.Count >= maxInFlight)
                    {
                        break;
                    }
                    next.PacketId = NextId();
                    next.Sequence = ++_sequence;
                    _inFlight.Add(next.PacketId, next);
                }
                _waiting.Dequeue();
                batch.Add((next, false));
                taken++;
            }
            return taken;
        }
    }

    /// <summary>Completes the publish a PUBACK names; false if no publish is in flight under that id.</summary>
    public bool Acknowledge(ushort packetId)
    {
        OutboundPublish? publish;
        Action? wake;
        lock (_gate)
        {
            if (!_inFlight.Remove(packetId, out publish))
            {
                return false;
            }
            wake = _waiting.Count > 0 ? _wake : null;
        }
        publish.TrySetResult();
        wake?.Invoke();
        return true;
    }

    /// <summary>A packet id for a SUBSCRIBE or UNSUBSCRIBE, distinct from every in-flight publish.</summary>
    public ushort AllocateRequestId()
    {
        lock (_gate)
        {
            var id = NextId();
            _requestIds.Add(id);
            return id;
        }
    }

    public void ReleaseRequestId(ushort packetId)
    {
        lock (_gate)
        {
            _requestIds.Remove(packetId);
        }
    }

    /// <summary>Fails every waiting and in-flight publish, and every later one, with <paramref name="reason"/>.</summary>
    public void Stop(Exception reason)
    {
        List<OutboundPublish> abandoned;
        lock (_gate)
        {
            _stopped = reason;
            abandoned = [.. _inFlight.Values.OrderBy(p => p.Sequence), .. _waiting];
            _inFlight.Clear();
            _waiting.Clear();
            _resend.Clear();
            _owner = null;
            _wake = null;
        }
        foreach (var publish in abandoned)
        {
            publish.TrySetException(reason);
        }
    }

    private ushort NextId()
    {
        do
        {
            _lastId = _lastId == ushort.MaxValue ? (ushort)1 : (ushort)(_lastId + 1);
        }
        while (_inFlight.ContainsKey(_lastId) || _requestIds.Contains(_lastId));
        return _lastId;
    }
}
