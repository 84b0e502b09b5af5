import Testing

@testable import AttendantCLI

/// Where the chat's wrapping width comes from.
struct TerminalTests {
  @Test(
    arguments: [
      // The window's width wins, then COLUMNS, then 80 on a terminal.
      (120, true, "40", 120),
      (nil, true, "40", 40),
      (nil, true, nil, 80),
      (nil, true, "0", 80),
      (nil, true, "wide", 80),
      // Through a pipe, COLUMNS asks for wrapping; without it, a script reads paragraphs whole.
      (nil, false, "40", 40),
      (nil, false, " 60 ", 60),
      (nil, false, nil, nil),
      (nil, false, "", nil),
      (nil, false, "-3", nil),
    ] as [(Int?, Bool, String?, Int?)])
  func wrapWidth(window: Int?, outputIsTerminal: Bool, columns: String?, expected: Int?) {
    #expect(
      Terminal.wrapWidth(windowColumns: window, outputIsTerminal: outputIsTerminal, columnsVariable: columns)
        == expected)
  }
}
