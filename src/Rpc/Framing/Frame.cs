namespace GongGrid.Rpc.Framing;

/// <summary>The message frame: a compressed flag byte and a 4-byte big-endian length before each message.</summary>
internal static class Frame
{
    public const int HeaderSize = 5;
}
