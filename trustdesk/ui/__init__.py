"""The Qt shell: thin widgets and item models over the domain and storage.

Widgets never run SQL; they call one storage or domain function per user action
and react to the result. Work that can take over ~50 ms runs in `tasks`."""
