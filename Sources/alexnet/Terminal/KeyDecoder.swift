import CNcurses
import ExplorerUI

/// Turns the C backend's key codes into `Key`s.
enum KeyDecoder {
    static func key(from code: Int32) -> Key? {
        switch code {
        case Int32(CN_KEY_NONE), Int32(CN_KEY_OTHER): return nil
        case Int32(CN_KEY_UP): return .up
        case Int32(CN_KEY_DOWN): return .down
        case Int32(CN_KEY_LEFT): return .left
        case Int32(CN_KEY_RIGHT): return .right
        case Int32(CN_KEY_HOME): return .home
        case Int32(CN_KEY_END): return .end
        case Int32(CN_KEY_PAGE_UP): return .pageUp
        case Int32(CN_KEY_PAGE_DOWN): return .pageDown
        case Int32(CN_KEY_BACKSPACE): return .backspace
        case Int32(CN_KEY_ENTER): return .enter
        case Int32(CN_KEY_BACKTAB): return .backTab
        case Int32(CN_KEY_RESIZE): return .resize
        case (Int32(CN_KEY_F1) - 11)...Int32(CN_KEY_F1): return .function(Int(Int32(CN_KEY_F1) - code) + 1)
        case 9: return .tab
        case 27: return .escape
        case 1...26: return .control(Character(Unicode.Scalar(UInt8(code) + 96)))
        case 0...: return Unicode.Scalar(UInt32(code)).map { .character(Character($0)) }
        default: return nil
        }
    }
}
