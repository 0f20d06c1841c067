using Microsoft.Extensions.Logging;
using Reconciler.Core.Text;

namespace Reconciler.Cli.Output;

/// <summary>Log lines for CLI commands, written to stderr (stdout carries the plan).</summary>
internal sealed class TextWriterLoggerProvider(TextWriter writer) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Logger(writer);

    public void Dispose()
    {
    }

    private sealed class Logger(TextWriter writer) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var level = logLevel switch
            {
                LogLevel.Critical or LogLevel.Error => "error",
                LogLevel.Warning => "warning",
                _ => "info",
            };
            lock (writer)
            {
                writer.WriteLine($"reconciler: {level}: {ControlText.Escape(formatter(state, exception))}");
            }
        }
    }
}
