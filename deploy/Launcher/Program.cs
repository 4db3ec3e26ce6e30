using FlashSale.Launcher;

return await new LaunchCommand().InvokeAsync(args);
