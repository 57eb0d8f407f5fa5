namespace GongGrid.Grains.Roster;

/// <summary>
/// Turns byte offsets in UTF-8 text into 1-based line and character column. Offsets asked for in increasing
/// order are counted incrementally, so a whole file costs one pass even when it is minified onto one line.
/// </summary>
internal sealed class LineCounter(byte[] utf8)
{
    private int _offset;
    private int _line = 1;
    private int _column = 1;

    public TextPosition PositionOf(long byteOffset)
    {
        if (byteOffset < _offset)
        {
            (_offset, _line, _column) = (0, 1, 1);
        }

        for (; _offset < byteOffset; _offset++)
        {
            var b = utf8[_offset];
            if (b == (byte)'\n')
            {
                (_line, _column) = (_line + 1, 1);
            }
            else if (!IsContinuationByte(b))
            {
                _column++;
            }
        }

        return new TextPosition(_line, _column);
    }

    /// <summary>Position of a 0-based line and byte offset within it, as <c>JsonException</c> reports them.</summary>
    public TextPosition PositionOf(int zeroBasedLine, int byteInLine)
    {
        var lineStart = 0;
        for (var line = 0; line < zeroBasedLine && lineStart < utf8.Length; lineStart++)
        {
            if (utf8[lineStart] == (byte)'\n')
            {
                line++;
            }
        }

        return PositionOf(Math.Min(lineStart + (long)byteInLine, utf8.Length));
    }

    // UTF-8 continuation bytes are 10xxxxxx; every other byte starts a character.
    private static bool IsContinuationByte(byte b) => (b & 0xC0) == 0x80;
}
