using System.Collections;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Reconciler.Core.Text;

namespace Reconciler.Service;

/// <summary>
/// The one escaping of every log line: wraps each logger provider of the service so that the formatted message and every
/// value of a structured line (a task name, the platform's message, a webhook's <c>X-GitHub-Delivery</c> header, a file
/// name) reach the console, journald or a JSON collector with control and bidi characters made visible
/// (<see cref="ControlText"/>). A line a log call writes can then never clear a terminal, forge a second line or read
/// backwards, whichever call site forgets to escape.
/// </summary>
internal sealed class EscapingLoggerProvider(ILoggerProvider inner) : ILoggerProvider
{
    /// <summary>Wraps every <see cref="ILoggerProvider"/> registered so far (call it last).</summary>
    public static void WrapAll(IServiceCollection services)
    {
        for (var i = 0; i < services.Count; i++)
        {
            var descriptor = services[i];
            if (descriptor.ServiceType != typeof(ILoggerProvider) || descriptor.IsKeyedService)
            {
                continue;
            }

            services[i] = ServiceDescriptor.Singleton<ILoggerProvider>(provider => new EscapingLoggerProvider(Resolve(descriptor, provider)));
        }
    }

    public ILogger CreateLogger(string categoryName) => new EscapingLogger(inner.CreateLogger(categoryName));

    public void Dispose() => inner.Dispose();

    private static ILoggerProvider Resolve(ServiceDescriptor descriptor, IServiceProvider provider) =>
        (ILoggerProvider)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(provider)
            ?? ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!));

    private sealed class EscapingLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var message = ControlText.Escape(formatter(state, exception));
            inner.Log(logLevel, eventId, new EscapedState(state as IReadOnlyList<KeyValuePair<string, object?>>, message), exception, static (s, _) => s.Message);
        }
    }

    /// <summary>The line's values with text escaped (numbers and times as they are), for formatters that write them one by one.</summary>
    private sealed class EscapedState(IReadOnlyList<KeyValuePair<string, object?>>? values, string message) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public string Message { get; } = message;

        public int Count => values?.Count ?? 0;

        public KeyValuePair<string, object?> this[int index] => Escape(values![index]);

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
        {
            for (var i = 0; i < Count; i++)
            {
                yield return this[i];
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => Message;

        private static KeyValuePair<string, object?> Escape(KeyValuePair<string, object?> pair) => pair.Value switch
        {
            null or bool or int or long or double or decimal or float or short or byte or DateTimeOffset or DateTime or TimeSpan or Enum => pair,
            string text => new(pair.Key, ControlText.Escape(text)),
            IFormattable formattable => new(pair.Key, ControlText.Escape(formattable.ToString(null, CultureInfo.InvariantCulture))),
            var other => new(pair.Key, ControlText.Escape(other.ToString())),
        };
    }
}
