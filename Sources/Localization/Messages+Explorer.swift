// Messages of the explorer's screens: tab names, key help, footers, chart titles and the notes screens
// show in place of a picture.
public extension Messages {
    static var tabLayers: String { text() }
    static var tabWhatIf: String { text() }
    static var tabFilters: String { text() }
    static var tabFeatures: String { text() }
    static var tabTraining: String { text() }
    static var tabCompare: String { text() }
    static var appName: String { text() }
    static var keyGoToScreen: String { text() }
    static var keyNextPreviousScreen: String { text() }
    static var keyShowHideKeys: String { text() }
    static var keyQuit: String { text() }
    static var keyKeys: String { text() }
    static var keyScreens: String { text() }
    static var keyStartPauseBothRuns: String { text() }
    static var keyWhyReLU: String { text() }
    static var keyWhyThisRun: String { text() }
    static var keyScrollWhy: String { text() }
    static var keyStartPauseBoth: String { text() }
    static var keyWhy: String { text() }
    static var keyScroll: String { text() }
    static var keyPreviousNextLayer: String { text() }
    static var keyChooseChannel: String { text() }
    static var keyZoom: String { text() }
    static var keyMostActive: String { text() }
    static var keyNextPreviousInput: String { text() }
    static var keyResetWeights: String { text() }
    static var keyUnit: String { text() }
    static var keyChannel: String { text() }
    static var keyLayer: String { text() }
    static var keyBack: String { text() }
    static var keyInspect: String { text() }
    static var keyZoomShort: String { text() }
    static var keyInput: String { text() }
    static var keySort: String { text() }
    static var keyReset: String { text() }
    static var keyInspectUnit: String { text() }
    static var keyMoveUnit: String { text() }
    static var keyPreviousNextChannel: String { text() }
    static var keyScrollArithmetic: String { text() }
    static var keyChooseFilter: String { text() }
    static var keyBackToGrid: String { text() }
    static var keyNextInputChannel: String { text() }
    static var keyRGB: String { text() }
    static var keyFilter: String { text() }
    static var keyRGBShort: String { text() }
    static var keyFirstLastLayer: String { text() }
    static var keyScrollText: String { text() }
    static var keyNextConvFC: String { text() }
    static var keyNextConvFCShort: String { text() }
    static var keyFirstLast: String { text() }
    static var keyStartPauseTraining: String { text() }
    static var keySaveCheckpoint: String { text() }
    static var keyStartPause: String { text() }
    static var keySave: String { text() }
    static var keyChooseLayer: String { text() }
    static var keyKernel: String { text() }
    static var keyStride: String { text() }
    static var keyPadding: String { text() }
    static var keyInputSize: String { text() }
    static var keyResetPreset: String { text() }
    static var keyKernelShort: String { text() }
    static var keyStrideShort: String { text() }
    static var keyPad: String { text() }
    static var keyMore: String { text() }
    static var chartStep: String { text() }
    static var chartTrainingError: String { text() }
    static var chartLoss: String { text() }
    static var chartErrorRate: String { text() }
    static var whyTitle: String { text() }
    static func whyWon(winner: String) -> String { text(["winner": winner]) }
    static var whyTitleBack: String { text() }
    static func whyTitleBackNamed(title: String) -> String { text(["title": title]) }
    static var noFeatureMaps: String { text() }
    static var noFilters: String { text() }
    static var theFeatureMaps: String { text() }
    static var theFilters: String { text() }
    static var outputSizeSquare: String { text() }
    static var outputHeight: String { text() }
    static func filtersAsTheyLearn(_ layer: String) -> String { text(["layer": layer]) }
    static func keysTitle(_ screen: String) -> String { text(["screen": screen]) }
    static func moreKeys(_ n: Int) -> String { text(["n": n, "s": s(n)]) }
    static func tooSmall(width: Int, height: Int, needWidth: Int, needHeight: Int) -> String {
        text(["w": width, "h": height, "nw": needWidth, "nh": needHeight])
    }
    static func weightsAppearWhenReady(_ what: String) -> String { text(["what": what]) }
}

// The what-if screen, the filter grid's status, the engine note and the comparison's progress.
public extension Messages {
    static var whatIfInput: String { text() }
    static var whatIfReset: String { text() }
    static var whatIfKernel: String { text() }
    static var whatIfStride: String { text() }
    static var whatIfPadding: String { text() }
    static var whatIfNotEditable: String { text() }
    static var whatIfNoShapeAfter: String { text() }
    static var whatIfNoShape: String { text() }
    static func whatIfPresetWas(output: String) -> String { text(["output": output]) }
    static var whatIfIntro: String { text() }
    static var whatIfIntroCeil: String { text() }
    static var whatIfMarks: String { text() }
    static var whatIfTableHeader: String { text() }
    static var whatIfParams: String { text() }
    static func filterOf(index: Int, last: Int) -> String { text(["index": index, "last": last]) }
    static func filtersCount(count: Int) -> String { text(["count": count]) }
    static func filterRows(first: Int, last: Int, total: Int) -> String { text(["first": first, "last": last, "total": total]) }
    static var filterRGBScale: String { text() }
    static func filterChannelColours(channel: Int) -> String { text(["channel": channel]) }
    static func filterChannelOnly(channel: Int) -> String { text(["channel": channel]) }
    static var filterPressV: String { text() }
    static func filterShown(shrink: Int) -> String { text(["shrink": shrink]) }
    static var filterRamp: String { text() }
    static var filterColourLegend: String { text() }
    static func engineNote(network: String, reason: String) -> String { text(["network": network, "reason": reason]) }
    static func engineReason(network: String, height: Int, width: Int, channels: Int, side: Int) -> String { text(["network": network, "h": height, "w": width, "c": channels, "side": side]) }
    static var engineMiniLabel: String { text() }
    static func compareDescription(engine: String) -> String { text(["engine": engine]) }
    static func progressNoSteps(activation: String) -> String { text(["activation": activation]) }
    static func progressReached(activation: String, target: String, step: String) -> String { text(["activation": activation, "target": target, "step": step]) }
    static func progressAt(activation: String, error: String, step: String) -> String { text(["activation": activation, "error": error, "step": step]) }
    static func progressTarget(target: String) -> String { text(["target": target]) }
    static func progressTargets(targets: String) -> String { text(["targets": targets]) }
    static var noStepsYet: String { text() }
    static var asItTrains: String { text() }
    static func targetLabel(target: String) -> String { text(["target": target]) }
}

// Where weights came from, and the filters header.
public extension Messages {
    static func provenanceUntrained(how: String) -> String { text(["how": how]) }
    static func provenanceCheckpoint(file: String) -> String { text(["file": file]) }
    static func provenanceCheckpointDetail(file: String, detail: String) -> String { text(["file": file, "detail": detail]) }
    static func provenanceLive(network: String, step: String) -> String { text(["network": network, "step": step]) }
    static func provenanceFrom(file: String) -> String { text(["file": file]) }
    static func filtersHeader(layer: String) -> String { text(["layer": layer]) }
}

// Training and comparison states, and the comparison's explanation.
public extension Messages {
    static var stateReady: String { text() }
    static var stateTrainingBoth: String { text() }
    static var statePaused: String { text() }
    static func stateFinished(why: String) -> String { text(["why": why]) }
    static var stateFinishedOnly: String { text() }
    static func stateStopped(why: String) -> String { text(["why": why]) }
    static func stateTrainingOf(done: Int, steps: Int) -> String { text(["done": done, "steps": steps]) }
    static var stateTraining: String { text() }
    static var compareWhy: String { text() }
    static func compareMeasured(parts: String) -> String { text(["parts": parts]) }
    static var compareWhatDecides: String { text() }
    static var compareDefinitions: String { text() }
    static func compareMeasuredRun(activation: String, step: String, layers: String) -> String { text(["activation": activation, "step": step, "layers": layers]) }
}

// The training screen's figures, the feature maps' header and status.
public extension Messages {
    static func statStep(step: String) -> String { text(["step": step]) }
    static func statStepOf(step: String, total: String) -> String { text(["step": step, "total": total]) }
    static func statEpoch(epoch: String) -> String { text(["epoch": epoch]) }
    static func statImagesPerSecond(rate: String) -> String { text(["rate": rate]) }
    static func statLoss(loss: String) -> String { text(["loss": loss]) }
    static func statTrainError(error: String) -> String { text(["error": error]) }
    static func statTestError(error: String) -> String { text(["error": error]) }
    static func featuresMaps(count: Int, height: Int, width: Int) -> String { text(["count": count, "h": height, "w": width]) }
    static func featuresInput(name: String) -> String { text(["name": name]) }
    static var featuresWeights: String { text() }
    static var featuresUpdating: String { text() }
    static func featuresTrainingRuns(network: String) -> String { text(["network": network]) }
    static var featuresMostActive: String { text() }
    static var featuresInOrder: String { text() }
    static func featuresShown(first: Int, last: Int, total: Int) -> String { text(["first": first, "last": last, "total": total]) }
    static func featuresChannel(channel: Int) -> String { text(["channel": channel]) }
    static func featuresScale(note: String) -> String { text(["note": note]) }
    static var featuresOwnScale: String { text() }
    static func resetToInitial(provenance: String) -> String { text(["provenance": provenance]) }
    static func resetRetrains(network: String, start: String) -> String { text(["network": network, "start": start]) }
    static var noneWord: String { text() }
}
