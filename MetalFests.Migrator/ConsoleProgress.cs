namespace MetalFests.Migrator;

/// <summary>A progress bar on a terminal; a line per tenth when the output is a log.</summary>
public sealed class ConsoleProgress : IProgress<(int Done, int Total)>
{
    private const int Width = 30;
    private readonly Lock _gate = new();
    private int _lastTenth = -1;

    public void Report((int Done, int Total) value)
    {
        var (done, total) = value;
        var fraction = total == 0 ? 1.0 : (double)done / total;
        lock (_gate)
        {
            if (!Console.IsOutputRedirected)
            {
                var filled = (int)(fraction * Width);
                Console.Write($"\r  writing [{new string('#', filled)}{new string('.', Width - filled)}] {done}/{total} items");
                if (done == total)
                {
                    Console.WriteLine();
                }
            }
            else if ((int)(fraction * 10) is var tenth && tenth > _lastTenth)
            {
                _lastTenth = tenth;
                Console.WriteLine($"  writing {done}/{total} items ({fraction:P0})");
            }
        }
    }
}
