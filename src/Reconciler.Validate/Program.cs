using Reconciler.Validate;

return await ValidateProgram.RunAsync(
    args,
    new ValidateConsole(Console.Out, Console.Error, Environment.GetEnvironmentVariable, Environment.GetEnvironmentVariables().Keys.Cast<string>().ToList(), Environment.CurrentDirectory));
