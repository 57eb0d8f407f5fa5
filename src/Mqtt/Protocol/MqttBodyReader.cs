using System.Buffers;
using System.Text;

namespace GongGrid.Mqtt.Protocol;

/// <summary>
/// Reads the fields of one packet body (everything after the fixed header). Every read that runs past the end, or
/// finds a string that breaks the UTF-8 rules, throws <see cref="MqttProtocolException"/> naming the packet and field.
/// </summary>
internal ref struct MqttBodyReader(ReadOnlySequence<byte> body, string packet)
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private SequenceReader<byte> _reader = new(body);

    public readonly long Remaining => _reader.Remaining;

    public byte ReadByte(string field) => _reader.TryRead(out var value) ? value : throw Truncated(field);

    public ushort ReadUInt16(string field) => _reader.TryReadBigEndian(out short value) ? (ushort)value : throw Truncated(field);

    public ushort ReadPacketId()
    {
        var id = ReadUInt16("packet identifier");
        return id != 0 ? id : throw new MqttProtocolException($"{packet} with packet identifier 0");
    }

    public string ReadString(string field)
    {
        var length = ReadUInt16($"{field} length");
        if (_reader.Remaining < length)
        {
            throw Truncated(field);
        }
        string value;
        try
        {
            value = Strict.GetString(_reader.UnreadSequence.Slice(0, length));
        }
        catch (DecoderFallbackException)
        {
            throw new MqttProtocolException($"{packet} {field} is not well-formed UTF-8");
        }
        _reader.Advance(length);
        return value.Contains('\0') ? throw new MqttProtocolException($"{packet} {field} contains U+0000") : value;
    }

    public byte[] ReadBinary(string field)
    {
        var length = ReadUInt16($"{field} length");
        if (_reader.Remaining < length)
        {
            throw Truncated(field);
        }
        var value = _reader.UnreadSequence.Slice(0, length).ToArray();
        _reader.Advance(length);
        return value;
    }

    public byte[] ReadRest()
    {
        var rest = _reader.UnreadSequence.ToArray();
        _reader.AdvanceToEnd();
        return rest;
    }

    public readonly void ExpectEnd()
    {
        if (_reader.Remaining != 0)
        {
            throw new MqttProtocolException($"{packet} has {_reader.Remaining} unexpected bytes after its last field");
        }
    }

    private readonly MqttProtocolException Truncated(string field) => new($"{packet} ends before its {field}");
}
