using GongGrid.Mqtt.Connection;

namespace GongGrid.Mqtt.Tests;

public class OutboundSessionTests
{
    private readonly object _connection = new();
    private readonly OutboundSession _session = new(maxInFlight: 2);

    [Fact]
    public void The_window_holds_back_qos1_publishes_beyond_the_limit_and_releases_them_in_order_at_puback()
    {
        _session.Attach(_connection, () => { });
        var publishes = Enumerable.Range(1, 4).Select(i => Publish($"{i}")).ToList();
        publishes.ForEach(_session.Enqueue);

        var first = Take();
        var blocked = Take();
        _session.Acknowledge(first[0].Publish.PacketId);
        var released = Take();

        Assert.Equal(["1", "2"], first.Select(p => p.Publish.Topic));
        Assert.Empty(blocked);
        Assert.Equal(["3"], released.Select(p => p.Publish.Topic));
        Assert.True(publishes[0].Task.IsCompletedSuccessfully);
        Assert.False(publishes[1].Task.IsCompleted);
    }

    [Fact]
    public void A_qos0_publish_behind_a_full_window_waits_its_turn()
    {
        _session.Attach(_connection, () => { });
        _session.Enqueue(Publish("1"));
        _session.Enqueue(Publish("2"));
        _session.Enqueue(Publish("3"));
        _session.Enqueue(Publish("qos0", MqttQos.AtMostOnce));

        Assert.Equal(["1", "2"], Take().Select(p => p.Publish.Topic));
    }

    [Fact]
    public void A_new_connection_first_gets_every_unacknowledged_publish_again_flagged_dup_in_the_original_order()
    {
        _session.Attach(_connection, () => { });
        _session.Enqueue(Publish("1"));
        _session.Enqueue(Publish("2"));
        _session.Enqueue(Publish("3"));
        var sent = Take();

        var next = new object();
        _session.Detach(_connection);
        _session.Attach(next, () => { });
        var batch = new List<(OutboundPublish Publish, bool Dup)>();
        _session.TakeBatch(next, batch, 10);

        Assert.Equal([("1", true), ("2", true)], batch.Select(p => (p.Publish.Topic, p.Dup)));
        Assert.Equal(sent.Select(p => p.Publish.PacketId), batch.Select(p => p.Publish.PacketId));
        Assert.Empty(Take());
    }

    [Fact]
    public void Packet_ids_skip_ids_still_in_use_and_never_use_zero()
    {
        var session = new OutboundSession(maxInFlight: 1);
        session.Attach(_connection, () => { });
        var ids = new HashSet<ushort>();
        for (var i = 0; i < 70_000; i++)
        {
            session.Enqueue(Publish("t"));
            var batch = new List<(OutboundPublish Publish, bool Dup)>();
            session.TakeBatch(_connection, batch, 10);
            var id = Assert.Single(batch).Publish.PacketId;
            Assert.NotEqual(0, id);
            ids.Add(id);
            session.Acknowledge(id);
        }

        Assert.Equal(ushort.MaxValue, ids.Count);
    }

    [Fact]
    public void Stopping_fails_every_waiting_and_in_flight_publish_and_every_later_one()
    {
        _session.Attach(_connection, () => { });
        var inFlight = Publish("1");
        var waiting = Publish("2", MqttQos.AtMostOnce);
        _session.Enqueue(inFlight);
        Take();
        _session.Detach(_connection);
        _session.Enqueue(waiting);

        _session.Stop(new MqttConnectionClosedException("stopped"));
        var later = Publish("3");
        _session.Enqueue(later);

        Assert.All(new[] { inFlight, waiting, later }, p => Assert.IsType<MqttConnectionClosedException>(p.Task.Exception?.InnerException));
    }

    private List<(OutboundPublish Publish, bool Dup)> Take()
    {
        var batch = new List<(OutboundPublish Publish, bool Dup)>();
        _session.TakeBatch(_connection, batch, 10);
        return batch;
    }

    private static OutboundPublish Publish(string topic, MqttQos qos = MqttQos.AtLeastOnce) => new(topic, ReadOnlyMemory<byte>.Empty, qos, false);
}
