import Localization
/// The line the filters and features screens show when training runs another network than the one they
/// show, so training on screen 5 never seems to change them by accident.
enum EngineNote {
    static func text(_ model: AppModel) -> String? {
        guard let reason = model.engine.reason else { return nil }
        return Messages.engineNote(network: model.engine.spec.name, reason: reason)
    }
}
