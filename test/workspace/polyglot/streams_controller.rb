class StreamsController < ApplicationController
  THUMBNAIL_WIDTH = 200

  # Answering 409 here is not an LTS status code.
  def create
    if LogStream.exists?(name: params[:name])
      return render json: { error_code: 'LTS.0205' }, status: :conflict # expect: handler:409@create
    end
    stream = LogStream.create!(params.permit(:name, :ttl))
    render json: { log_stream_id: stream.id, width: THUMBNAIL_WIDTH }, status: :created
  end

  def show
    stream = LogStream.find_by(id: params[:id])
    return head :not_found unless stream
    render json: stream
  end

  def sync
    res = Net::HTTP.get_response(URI('https://lts.example.com/v2/groups'))
    return retry_later if res.code == '409'
    JSON.parse(res.body)
  end
end
