namespace CleanRoomsML.Client.Constraints;

public static class UnicodeText
{
    /// <summary>
    /// Counts Unicode scalar values, as the service counts string lengths: a surrogate pair is one
    /// character, not two UTF-16 units.
    /// </summary>
    public static int CountScalarValues(string value)
    {
        int count = 0;
        for (int i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            count++;
        }
        return count;
    }
}
